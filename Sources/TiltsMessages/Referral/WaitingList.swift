public import TiltsWire

/// `tilts.referral.v1.GetWaitingListRequest`: asks for the centre's queue on a day.
public struct GetWaitingListRequest: Message {
    /// `"YYYY-MM-DD"`; default: today.
    public var asOf: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(asOf: String) {
        self.asOf = asOf
    }

    public static let protoMessageName = "tilts.referral.v1.GetWaitingListRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "as_of", \.asOf),
    ])
}

/// `tilts.referral.v1.WaitingEntry`: one child in the queue, with the earliest free place.
public struct WaitingEntry: Message {
    public var position: Int32 = 0
    public var referralID: String = ""
    public var municipality: String = ""
    public var urgent: Bool = false
    public var receivedOn: String = ""
    public var requestedLength: RequestedLength = .unspecified
    public var prePlacementMeetingHeld: Bool = false
    /// The earliest day a place is free for this child, from the planned last days of children in course.
    public var earliestPlaceOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        position: Int32 = 0, referralID: String = "", municipality: String = "", urgent: Bool = false,
        receivedOn: String = "", requestedLength: RequestedLength = .unspecified,
        prePlacementMeetingHeld: Bool = false, earliestPlaceOn: String = ""
    ) {
        self.position = position
        self.referralID = referralID
        self.municipality = municipality
        self.urgent = urgent
        self.receivedOn = receivedOn
        self.requestedLength = requestedLength
        self.prePlacementMeetingHeld = prePlacementMeetingHeld
        self.earliestPlaceOn = earliestPlaceOn
    }

    public static let protoMessageName = "tilts.referral.v1.WaitingEntry"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "position", \.position),
        .string(2, "referral_id", \.referralID),
        .string(3, "municipality", \.municipality),
        .bool(4, "urgent", \.urgent),
        .string(5, "received_on", \.receivedOn),
        .enum(6, "requested_length", \.requestedLength),
        .bool(7, "pre_placement_meeting_held", \.prePlacementMeetingHeld),
        .string(8, "earliest_place_on", \.earliestPlaceOn),
    ])
}

/// `tilts.referral.v1.WaitingList`: the queue (urgent first, then by date received) and the centre's occupancy.
public struct WaitingList: Message {
    public var asOf: String = ""
    /// Places at the centre, from configuration.
    public var capacity: Int32 = 0
    public var inCourse: Int32 = 0
    public var entries: [WaitingEntry] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public init(asOf: String = "", capacity: Int32 = 0, inCourse: Int32 = 0, entries: [WaitingEntry] = []) {
        self.asOf = asOf
        self.capacity = capacity
        self.inCourse = inCourse
        self.entries = entries
    }

    public static let protoMessageName = "tilts.referral.v1.WaitingList"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "as_of", \.asOf),
        .int32(2, "capacity", \.capacity),
        .int32(3, "in_course", \.inCourse),
        .repeated(4, "entries", \.entries, .message),
    ])
}
