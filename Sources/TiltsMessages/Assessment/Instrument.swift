public import TiltsWire

// Assessment instruments of `tilts.assessment.v1`: versioned areas, items, scales and scoring
// rules, held as data (and loaded from files in the proto3 JSON mapping of `Instrument`).

/// `tilts.assessment.v1.ScaleAnchor`: one labelled point of a scale.
public struct ScaleAnchor: Message {
    public var value: Int32 = 0
    public var text: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(value: Int32, text: String) {
        self.value = value
        self.text = text
    }

    public static let protoMessageName = "tilts.assessment.v1.ScaleAnchor"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "value", \.value),
        .string(2, "text", \.text),
    ])
}

/// `tilts.assessment.v1.InstrumentScale`: the allowed ratings, whole numbers `minValue...maxValue`.
public struct InstrumentScale: Message {
    public var scaleID: String = ""
    public var minValue: Int32 = 0
    public var maxValue: Int32 = 0
    public var anchors: [ScaleAnchor] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.InstrumentScale"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "scale_id", \.scaleID),
        .int32(2, "min_value", \.minValue),
        .int32(3, "max_value", \.maxValue),
        .repeated(4, "anchors", \.anchors, .message),
    ])
}

/// `tilts.assessment.v1.ScoreBand`: a score range with its interpretation.
public struct ScoreBand: Message {
    public var minScore: Int32 = 0
    public var maxScore: Int32 = 0
    public var code: String = ""
    public var label: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(minScore: Int32, maxScore: Int32, code: String, label: String) {
        self.minScore = minScore
        self.maxScore = maxScore
        self.code = code
        self.label = label
    }

    public static let protoMessageName = "tilts.assessment.v1.ScoreBand"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "min_score", \.minScore),
        .int32(2, "max_score", \.maxScore),
        .string(3, "code", \.code),
        .string(4, "label", \.label),
    ])
}

/// `tilts.assessment.v1.InstrumentArea`: a scored area; its score sums its items' scores.
public struct InstrumentArea: Message {
    public var areaID: String = ""
    public var name: String = ""
    /// The pilot's area this one reports on; `.unspecified` when none.
    public var pilotArea: AssessmentArea = .unspecified
    /// True when a higher score means fewer difficulties.
    public var higherIsBetter: Bool = false
    /// Unrated items allowed before the area is incomplete; up to this many, the sum is prorated.
    public var maxMissingItems: Int32 = 0
    public var bands: [ScoreBand] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.InstrumentArea"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "area_id", \.areaID),
        .string(2, "name", \.name),
        .enum(3, "pilot_area", \.pilotArea),
        .bool(4, "higher_is_better", \.higherIsBetter),
        .int32(5, "max_missing_items", \.maxMissingItems),
        .repeated(6, "bands", \.bands, .message),
    ])
}

/// `tilts.assessment.v1.InstrumentItem`: one rated item of an area.
public struct InstrumentItem: Message {
    public var itemID: String = ""
    public var areaID: String = ""
    public var scaleID: String = ""
    public var text: String = ""
    public var reverseScored: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public init(itemID: String, areaID: String, scaleID: String, text: String, reverseScored: Bool = false) {
        self.itemID = itemID
        self.areaID = areaID
        self.scaleID = scaleID
        self.text = text
        self.reverseScored = reverseScored
    }

    public static let protoMessageName = "tilts.assessment.v1.InstrumentItem"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "item_id", \.itemID),
        .string(2, "area_id", \.areaID),
        .string(3, "scale_id", \.scaleID),
        .string(4, "text", \.text),
        .bool(5, "reverse_scored", \.reverseScored),
    ])
}

/// `tilts.assessment.v1.Instrument`: a versioned assessment instrument.
public struct Instrument: Message {
    /// e.g. `"pilot-mapping"`.
    public var instrumentID: String = ""
    /// From 1; `(instrumentID, version)` names one definition, which never changes.
    public var version: Int32 = 0
    public var name: String = ""
    public var description: String = ""
    public var scales: [InstrumentScale] = []
    public var areas: [InstrumentArea] = []
    public var items: [InstrumentItem] = []
    /// When true, an assessment needs a narrative for every area.
    public var areaNarrativesRequired: Bool = false
    /// `"built-in"`, or the file it was loaded from.
    public var origin: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.Instrument"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "instrument_id", \.instrumentID),
        .int32(2, "version", \.version),
        .string(3, "name", \.name),
        .string(4, "description", \.description),
        .repeated(5, "scales", \.scales, .message),
        .repeated(6, "areas", \.areas, .message),
        .repeated(7, "items", \.items, .message),
        .bool(8, "area_narratives_required", \.areaNarrativesRequired),
        .string(9, "origin", \.origin),
    ])
}

/// `tilts.assessment.v1.ListInstrumentsRequest`.
public struct ListInstrumentsRequest: Message {
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.ListInstrumentsRequest"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "page_size", \.pageSize),
        .string(2, "page_token", \.pageToken),
    ])
}

/// `tilts.assessment.v1.ListInstrumentsResponse`: instruments by id, then version.
public struct ListInstrumentsResponse: Message {
    public var instruments: [Instrument] = []
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.ListInstrumentsResponse"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "instruments", \.instruments, .message),
        .string(2, "next_page_token", \.nextPageToken),
    ])
}

/// `tilts.assessment.v1.GetInstrumentRequest`: version 0 asks for the latest.
public struct GetInstrumentRequest: Message {
    public var instrumentID: String = ""
    public var version: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(instrumentID: String, version: Int32 = 0) {
        self.instrumentID = instrumentID
        self.version = version
    }

    public static let protoMessageName = "tilts.assessment.v1.GetInstrumentRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "instrument_id", \.instrumentID),
        .int32(2, "version", \.version),
    ])
}

/// `tilts.assessment.v1.RehabilitationServiceType`: a type of social rehabilitation service.
public struct RehabilitationServiceType: Message {
    /// English code, e.g. `"family_therapy"`.
    public var code: String = ""
    public var nameLv: String = ""
    public var nameEn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(code: String, nameLv: String, nameEn: String) {
        self.code = code
        self.nameLv = nameLv
        self.nameEn = nameEn
    }

    public static let protoMessageName = "tilts.assessment.v1.RehabilitationServiceType"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "code", \.code),
        .string(2, "name_lv", \.nameLv),
        .string(3, "name_en", \.nameEn),
    ])
}

/// `tilts.assessment.v1.ListServiceTypesRequest`.
public struct ListServiceTypesRequest: Message {
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.ListServiceTypesRequest"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "page_size", \.pageSize),
        .string(2, "page_token", \.pageToken),
    ])
}

/// `tilts.assessment.v1.ListServiceTypesResponse`: the catalogue in its order.
public struct ListServiceTypesResponse: Message {
    public var serviceTypes: [RehabilitationServiceType] = []
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.ListServiceTypesResponse"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "service_types", \.serviceTypes, .message),
        .string(2, "next_page_token", \.nextPageToken),
    ])
}
