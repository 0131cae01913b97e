// Module TiltsWire: placeholder until its first file lands.
