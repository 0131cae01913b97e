// Module TiltsMessages: placeholder until its first file lands.
