// Module TiltsHealth: placeholder until its first file lands.
