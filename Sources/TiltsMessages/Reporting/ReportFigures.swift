public import TiltsWire

// The building blocks every report shares: counts and figures with their disclosure, and caveats.

/// `tilts.reporting.v1.Count`: a number of children (or events, days) and whether it is shown.
public struct ReportCount: Message {
    public var value: Int64 = 0
    public var disclosure: Disclosure = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public init(value: Int64, disclosure: Disclosure) {
        self.value = value
        self.disclosure = disclosure
    }

    public static let protoMessageName = "tilts.reporting.v1.Count"
    public static let fieldTable = FieldTable<Self>([
        .int64(1, "value", \.value),
        .enum(2, "disclosure", \.disclosure),
    ])
}

/// `tilts.reporting.v1.Figure`: a computed figure (mean, share, p-value, amount) and whether it is shown.
public struct ReportFigure: Message {
    public var value: Double = 0
    public var disclosure: Disclosure = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public init(value: Double, disclosure: Disclosure) {
        self.value = value
        self.disclosure = disclosure
    }

    public static let protoMessageName = "tilts.reporting.v1.Figure"
    public static let fieldTable = FieldTable<Self>([
        .double(1, "value", \.value),
        .enum(2, "disclosure", \.disclosure),
    ])
}

/// `tilts.reporting.v1.Caveat`: a plain-language warning, in Latvian and English.
public struct Caveat: Message {
    public var code: String = ""
    public var textLv: String = ""
    public var textEn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(code: String, textLv: String, textEn: String) {
        self.code = code
        self.textLv = textLv
        self.textEn = textEn
    }

    public static let protoMessageName = "tilts.reporting.v1.Caveat"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "code", \.code),
        .string(2, "text_lv", \.textLv),
        .string(3, "text_en", \.textEn),
    ])
}
