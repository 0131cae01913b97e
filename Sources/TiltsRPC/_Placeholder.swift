// Module TiltsRPC: placeholder until its first file lands.
