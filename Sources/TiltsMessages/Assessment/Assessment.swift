public import TiltsWire

// Mapping observations and assessments of `tilts.assessment.v1`.

/// `tilts.assessment.v1.RecordObservationRequest`: a note from the mapping about one area.
public struct RecordObservationRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var observedOn: String = ""
    public var area: AssessmentArea = .unspecified
    public var observerRole: SpecialistRole = .unspecified
    public var note: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.RecordObservationRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .string(3, "observed_on", \.observedOn),
        .enum(4, "area", \.area),
        .enum(5, "observer_role", \.observerRole),
        .string(6, "note", \.note),
    ])
}

/// `tilts.assessment.v1.MappingObservation`: a recorded observation.
public struct MappingObservation: Message {
    public var observationID: String = ""
    public var caseID: String = ""
    public var observedOn: String = ""
    /// Day 1 is the admission day.
    public var courseDay: Int32 = 0
    public var area: AssessmentArea = .unspecified
    public var observerRole: SpecialistRole = .unspecified
    public var note: String = ""
    public var recordedBy: String = ""
    public var recordedAt: Timestamp?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.MappingObservation"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "observation_id", \.observationID),
        .string(2, "case_id", \.caseID),
        .string(3, "observed_on", \.observedOn),
        .int32(4, "course_day", \.courseDay),
        .enum(5, "area", \.area),
        .enum(6, "observer_role", \.observerRole),
        .string(7, "note", \.note),
        .string(8, "recorded_by", \.recordedBy),
        .message(9, "recorded_at", \.recordedAt),
    ])
}

/// `tilts.assessment.v1.ItemRating`: the rating given to one item.
public struct ItemRating: Message {
    public var itemID: String = ""
    public var rating: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(itemID: String, rating: Int32) {
        self.itemID = itemID
        self.rating = rating
    }

    public static let protoMessageName = "tilts.assessment.v1.ItemRating"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "item_id", \.itemID),
        .int32(2, "rating", \.rating),
    ])
}

/// `tilts.assessment.v1.AreaNarrative`: the assessor's words about one area.
public struct AreaNarrative: Message {
    public var areaID: String = ""
    public var text: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(areaID: String, text: String) {
        self.areaID = areaID
        self.text = text
    }

    public static let protoMessageName = "tilts.assessment.v1.AreaNarrative"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "area_id", \.areaID),
        .string(2, "text", \.text),
    ])
}

/// `tilts.assessment.v1.AreaScore`: an area's score, computed by the service.
public struct AreaScore: Message {
    public var areaID: String = ""
    public var pilotArea: AssessmentArea = .unspecified
    /// The sum of the rated items' scores, after reverse scoring.
    public var rawSum: Int32 = 0
    /// `rawSum` prorated to all items when some are missing; 0 when not complete.
    public var score: Int32 = 0
    public var answeredItems: Int32 = 0
    public var missingItems: Int32 = 0
    public var complete: Bool = false
    public var prorated: Bool = false
    public var bandCode: String = ""
    public var bandLabel: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.AreaScore"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "area_id", \.areaID),
        .enum(2, "pilot_area", \.pilotArea),
        .int32(3, "raw_sum", \.rawSum),
        .int32(4, "score", \.score),
        .int32(5, "answered_items", \.answeredItems),
        .int32(6, "missing_items", \.missingItems),
        .bool(7, "complete", \.complete),
        .bool(8, "prorated", \.prorated),
        .string(9, "band_code", \.bandCode),
        .string(10, "band_label", \.bandLabel),
    ])
}

/// `tilts.assessment.v1.RecordAssessmentRequest`: item ratings at a time point.
public struct RecordAssessmentRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var instrumentID: String = ""
    /// 0: the latest version.
    public var instrumentVersion: Int32 = 0
    public var timePoint: TimePoint = .unspecified
    /// Default: today.
    public var assessedOn: String = ""
    public var ratings: [ItemRating] = []
    public var areaNarratives: [AreaNarrative] = []
    public var narrative: String = ""
    /// Required for a BASELINE assessed after day 10.
    public var lateReason: String = ""
    public var assessorRole: SpecialistRole = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.RecordAssessmentRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .string(3, "instrument_id", \.instrumentID),
        .int32(4, "instrument_version", \.instrumentVersion),
        .enum(5, "time_point", \.timePoint),
        .string(6, "assessed_on", \.assessedOn),
        .repeated(7, "ratings", \.ratings, .message),
        .repeated(8, "area_narratives", \.areaNarratives, .message),
        .string(9, "narrative", \.narrative),
        .string(10, "late_reason", \.lateReason),
        .enum(11, "assessor_role", \.assessorRole),
    ])
}

/// `tilts.assessment.v1.Assessment`: a recorded assessment with its computed scores.
public struct Assessment: Message {
    public var assessmentID: String = ""
    public var caseID: String = ""
    public var instrumentID: String = ""
    public var instrumentVersion: Int32 = 0
    public var timePoint: TimePoint = .unspecified
    public var assessedOn: String = ""
    public var courseDay: Int32 = 0
    public var ratings: [ItemRating] = []
    public var scores: [AreaScore] = []
    public var areaNarratives: [AreaNarrative] = []
    public var narrative: String = ""
    public var lateReason: String = ""
    public var assessorRole: SpecialistRole = .unspecified
    public var recordedBy: String = ""
    public var recordedAt: Timestamp?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.Assessment"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "assessment_id", \.assessmentID),
        .string(2, "case_id", \.caseID),
        .string(3, "instrument_id", \.instrumentID),
        .int32(4, "instrument_version", \.instrumentVersion),
        .enum(5, "time_point", \.timePoint),
        .string(6, "assessed_on", \.assessedOn),
        .int32(7, "course_day", \.courseDay),
        .repeated(8, "ratings", \.ratings, .message),
        .repeated(9, "scores", \.scores, .message),
        .repeated(10, "area_narratives", \.areaNarratives, .message),
        .string(11, "narrative", \.narrative),
        .string(12, "late_reason", \.lateReason),
        .enum(13, "assessor_role", \.assessorRole),
        .string(14, "recorded_by", \.recordedBy),
        .message(15, "recorded_at", \.recordedAt),
    ])
}
