// Module TiltsTransport: placeholder until its first file lands.
