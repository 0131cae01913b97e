// Module TiltsServiceKit: placeholder until its first file lands.
