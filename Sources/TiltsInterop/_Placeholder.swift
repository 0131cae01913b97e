// Module TiltsInterop: placeholder until its first file lands.
