public import TiltsWire

/// `tilts.common.v1.Principal`: the verified caller.
///
/// The gateway authenticates and forwards it to services as binary metadata
/// `tilts-principal-bin`; services trust it only from their Unix socket. Mirrors
/// `Proto/tilts/common/v1/common.proto`. A value type; safe from any thread.
public struct Principal: Message, Hashable {
    public var institution: InstitutionKind = .unspecified
    /// Municipality code for SOCIAL_SERVICE and ORPHANS_COURT principals, e.g. `"riga"`.
    public var municipality: String = ""
    public var displayName: String = ""
    public var roles: [String] = []
    /// Stable identity for the audit log: token id or certificate subject.
    public var subject: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        institution: InstitutionKind, municipality: String = "", displayName: String = "", roles: [String] = [],
        subject: String = ""
    ) {
        self.institution = institution
        self.municipality = municipality
        self.displayName = displayName
        self.roles = roles
        self.subject = subject
    }

    public static let protoMessageName = "tilts.common.v1.Principal"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "institution", \.institution),
        .string(2, "municipality", \.municipality),
        .string(3, "display_name", \.displayName),
        .repeated(4, "roles", \.roles, .string),
        .string(5, "subject", \.subject),
    ])
}
