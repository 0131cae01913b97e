// Module TiltsTLS: placeholder until its first file lands.
