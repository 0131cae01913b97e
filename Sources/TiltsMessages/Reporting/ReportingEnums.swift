public import TiltsWire

// The enums of `Proto/tilts/reporting/v1/reporting.proto`. All are open: numbers this build does
// not name decode, compare and re-encode unchanged.

/// `tilts.reporting.v1.Disclosure`: whether a report figure is shown to the caller.
public struct Disclosure: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    /// The value is shown.
    public static let shown = Self(rawValue: 1)
    /// Hidden from this caller by small-count suppression (primary or complementary).
    public static let suppressed = Self(rawValue: 2)
    /// Nothing to compute it from.
    public static let notAvailable = Self(rawValue: 3)

    public static let protoEnumName = "tilts.reporting.v1.Disclosure"
    public static let nameTable: [(Int32, String)] = [
        (0, "DISCLOSURE_UNSPECIFIED"), (1, "SHOWN"), (2, "SUPPRESSED"), (3, "NOT_AVAILABLE"),
    ]
}

/// `tilts.reporting.v1.ReportKind`: which report an export carries.
public struct ReportKind: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let pilotEvaluation = Self(rawValue: 1)
    public static let quarterlyReport = Self(rawValue: 2)
    public static let operationalSnapshot = Self(rawValue: 3)

    public static let protoEnumName = "tilts.reporting.v1.ReportKind"
    public static let nameTable: [(Int32, String)] = [
        (0, "REPORT_KIND_UNSPECIFIED"), (1, "PILOT_EVALUATION"), (2, "QUARTERLY_REPORT"), (3, "OPERATIONAL_SNAPSHOT"),
    ]
}

/// `tilts.reporting.v1.ExportFormat`: the document format of an export.
public struct ExportFormat: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    /// RFC 4180 CSV, one row per figure.
    public static let csv = Self(rawValue: 1)
    /// The report message in the proto3 JSON mapping.
    public static let json = Self(rawValue: 2)
    /// The evaluation's chart (PILOT_EVALUATION only).
    public static let svg = Self(rawValue: 3)

    public static let protoEnumName = "tilts.reporting.v1.ExportFormat"
    public static let nameTable: [(Int32, String)] = [
        (0, "EXPORT_FORMAT_UNSPECIFIED"), (1, "CSV"), (2, "JSON"), (3, "SVG"),
    ]
}
