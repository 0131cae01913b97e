public import TiltsWire

/// `tilts.common.v1.InstitutionKind`: the kinds of institution that take part in the pilot
/// (DESIGN glossary). Open: numbers this build does not name are kept.
///
/// A value type; safe from any thread.
public struct InstitutionKind: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    /// A municipal social service (SD).
    public static let socialService = Self(rawValue: 1)
    /// A municipal orphan's court (BT).
    public static let orphansCourt = Self(rawValue: 2)
    /// The rehabilitation centre (KC).
    public static let centre = Self(rawValue: 3)
    /// The Latvian Children's Fund (LBF).
    public static let fund = Self(rawValue: 4)
    /// The Ministry of Welfare (LM).
    public static let ministry = Self(rawValue: 5)
    /// The State Inspectorate for the Protection of Children's Rights (BAC).
    public static let childProtectionCentre = Self(rawValue: 6)
    public static let police = Self(rawValue: 7)
    public static let school = Self(rawValue: 8)
    /// A local operator on the gateway's own socket (token administration, audit).
    public static let `operator` = Self(rawValue: 9)

    public static let protoEnumName = "tilts.common.v1.InstitutionKind"
    public static let nameTable: [(Int32, String)] = [
        (0, "INSTITUTION_KIND_UNSPECIFIED"), (1, "SOCIAL_SERVICE"), (2, "ORPHANS_COURT"), (3, "CENTRE"), (4, "FUND"),
        (5, "MINISTRY"), (6, "CHILD_PROTECTION_CENTRE"), (7, "POLICE"), (8, "SCHOOL"), (9, "OPERATOR"),
    ]
}
