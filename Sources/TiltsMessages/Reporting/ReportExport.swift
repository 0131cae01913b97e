public import TiltsWire

// `tilts.reporting.v1.ReportingService/ExportReport` and `GetIngestionStatus`.

/// `tilts.reporting.v1.ExportReportRequest`: which report, in which format.
public struct ExportReportRequest: Message {
    public var report: ReportKind = .unspecified
    public var format: ExportFormat = .unspecified
    /// PILOT_EVALUATION: the period (default: the pilot period).
    public var period: DateWindow?
    /// QUARTERLY_REPORT: the pilot quarter.
    public var quarter: Int32 = 0
    /// OPERATIONAL_SNAPSHOT: the day (default: today in Riga).
    public var asOf: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(report: ReportKind, format: ExportFormat, period: DateWindow? = nil, quarter: Int32 = 0, asOf: String = "") {
        self.report = report
        self.format = format
        self.period = period
        self.quarter = quarter
        self.asOf = asOf
    }

    public static let protoMessageName = "tilts.reporting.v1.ExportReportRequest"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "report", \.report),
        .enum(2, "format", \.format),
        .message(3, "period", \.period),
        .int32(4, "quarter", \.quarter),
        .string(5, "as_of", \.asOf),
    ])
}

/// `tilts.reporting.v1.ExportChunk`: one piece of an exported document.
public struct ExportChunk: Message {
    /// First chunk only.
    public var filename: String = ""
    /// First chunk only.
    public var contentType: String = ""
    public var data: [UInt8] = []
    /// Where `data` starts in the document.
    public var offset: Int64 = 0
    /// Last chunk only: true, with the document's size and SHA-256 (lower-case hex).
    public var last: Bool = false
    public var totalSize: Int64 = 0
    public var sha256: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.ExportChunk"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "filename", \.filename),
        .string(2, "content_type", \.contentType),
        .bytes(3, "data", \.data),
        .int64(4, "offset", \.offset),
        .bool(5, "last", \.last),
        .int64(6, "total_size", \.totalSize),
        .string(7, "sha256", \.sha256),
    ])
}

/// `tilts.reporting.v1.GetIngestionStatusRequest`.
public struct GetIngestionStatusRequest: Message {
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.GetIngestionStatusRequest"
    public static let fieldTable = FieldTable<Self>([])
}

/// `tilts.reporting.v1.StreamPosition`: the last sequence applied from one source's stream.
public struct StreamPosition: Message {
    /// `referral`, `meeting` or `assessment`.
    public var source: String = ""
    public var sequence: Int64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(source: String, sequence: Int64) {
        self.source = source
        self.sequence = sequence
    }

    public static let protoMessageName = "tilts.reporting.v1.StreamPosition"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "source", \.source),
        .int64(2, "sequence", \.sequence),
    ])
}

/// `tilts.reporting.v1.IngestionStatus`: how far ingestion has got.
public struct IngestionStatus: Message {
    public var streams: [StreamPosition] = []
    public var referrals: Int64 = 0
    public var cases: Int64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.IngestionStatus"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "streams", \.streams, .message),
        .int64(2, "referrals", \.referrals),
        .int64(3, "cases", \.cases),
    ])
}

/// Names of `tilts.reporting.v1.ReportingService`, the reporting service's gRPC API.
public enum ReportingAPI {
    /// The fully qualified gRPC service name.
    public static let serviceName = "tilts.reporting.v1.ReportingService"
}
