public import TiltsWire

/// Every message type TiltsMessages defines, for descriptor checks and reflection.
///
/// Add each new message type here; `ProtoConformanceTests` compares every listed type's field
/// table with the descriptors compiled from `Proto/`, so a type missing from this list is not
/// held to its `.proto`.
public enum TiltsMessageRegistry {
    public static let all: [any Message.Type] = [
        HealthCheckRequest.self,
        HealthCheckResponse.self,
        Event.self,
        WatchEventsRequest.self,
        Principal.self,
        PageRequest.self,
    ]
}
