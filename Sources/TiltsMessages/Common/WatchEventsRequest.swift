public import TiltsWire

/// `tilts.common.v1.WatchEventsRequest`: asks a service for its events after a sequence, history
/// first, then a live tail.
///
/// Mirrors `Proto/tilts/common/v1/common.proto`. A value type; safe from any thread.
public struct WatchEventsRequest: Message {
    /// 0 starts from the first event.
    public var afterSequence: Int64 = 0
    /// Event kinds to receive; empty means all.
    public var kinds: [String] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public init(afterSequence: Int64, kinds: [String] = []) {
        self.afterSequence = afterSequence
        self.kinds = kinds
    }

    public static let protoMessageName = "tilts.common.v1.WatchEventsRequest"
    public static let fieldTable = FieldTable<Self>([
        .int64(1, "after_sequence", \.afterSequence),
        .repeated(2, "kinds", \.kinds, .string),
    ])
}
