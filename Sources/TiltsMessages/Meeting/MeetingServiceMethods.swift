/// Names of `tilts.meeting.v1.MeetingService`, the meeting service's gRPC API.
///
/// Method descriptors live with the RPC layer (TiltsRPC), which TiltsMessages does not depend on;
/// this enum holds only what the messages' module can name.
public enum MeetingAPI {
    /// The fully qualified gRPC service name.
    public static let serviceName = "tilts.meeting.v1.MeetingService"
    /// The `Event.source` of the meeting service's events.
    public static let eventSource = "meeting"
}
