public import TiltsWire

/// `tilts.referral.v1.ContactPerson`: the social service's contact for a referral.
public struct ContactPerson: Message {
    public var name: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(name: String = "", phone: String = "", email: String = "") {
        self.name = name
        self.phone = phone
        self.email = email
    }

    public static let protoMessageName = "tilts.referral.v1.ContactPerson"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "name", \.name),
        .string(2, "phone", \.phone),
        .string(3, "email", \.email),
    ])
}

/// `tilts.referral.v1.IdentityDocument`: another identity document, for a child without a
/// Latvian personal code.
public struct IdentityDocument: Message {
    /// e.g. `"passport"`, `"residence permit"`, `"birth certificate"`.
    public var kind: String = ""
    public var number: String = ""
    /// ISO 3166-1 alpha-2.
    public var issuingCountry: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(kind: String = "", number: String = "", issuingCountry: String = "") {
        self.kind = kind
        self.number = number
        self.issuingCountry = issuingCountry
    }

    public static let protoMessageName = "tilts.referral.v1.IdentityDocument"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "kind", \.kind),
        .string(2, "number", \.number),
        .string(3, "issuing_country", \.issuingCountry),
    ])
}

/// `tilts.referral.v1.Child`: the child a referral is for.
public struct Child: Message {
    public var givenName: String = ""
    public var familyName: String = ""
    /// `"YYYY-MM-DD"`.
    public var birthDate: String = ""
    public var sex: Sex = .unspecified
    /// Personas kods, old form DDMMYY-CNNNK or new form 3XXXXX-XXXXX; empty when the child has none.
    public var personalCode: String = ""
    /// Required when `personalCode` is empty.
    public var identityDocument: IdentityDocument?
    /// ISO 639-1 codes, e.g. `"lv"`, `"ru"`, `"uk"`.
    public var languages: [String] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        givenName: String = "", familyName: String = "", birthDate: String = "", sex: Sex = .unspecified,
        personalCode: String = "", identityDocument: IdentityDocument? = nil, languages: [String] = []
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.sex = sex
        self.personalCode = personalCode
        self.identityDocument = identityDocument
        self.languages = languages
    }

    public static let protoMessageName = "tilts.referral.v1.Child"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "given_name", \.givenName),
        .string(2, "family_name", \.familyName),
        .string(3, "birth_date", \.birthDate),
        .enum(4, "sex", \.sex),
        .string(5, "personal_code", \.personalCode),
        .message(6, "identity_document", \.identityDocument),
        .repeated(7, "languages", \.languages, .string),
    ])
}

/// `tilts.referral.v1.LegalRepresentative`: the child's parent or guardian.
public struct LegalRepresentative: Message {
    public var name: String = ""
    /// e.g. `"mother"`, `"father"`, `"guardian"`, `"foster parent"`.
    public var relationship: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(name: String = "", relationship: String = "", phone: String = "", email: String = "") {
        self.name = name
        self.relationship = relationship
        self.phone = phone
        self.email = email
    }

    public static let protoMessageName = "tilts.referral.v1.LegalRepresentative"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "name", \.name),
        .string(2, "relationship", \.relationship),
        .string(3, "phone", \.phone),
        .string(4, "email", \.email),
    ])
}

/// `tilts.referral.v1.Consent`: the legal representative's consent to the pilot.
public struct Consent: Message {
    /// `"YYYY-MM-DD"`.
    public var givenOn: String = ""
    /// Reference to the signed form in the social service's records.
    public var formReference: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(givenOn: String = "", formReference: String = "") {
        self.givenOn = givenOn
        self.formReference = formReference
    }

    public static let protoMessageName = "tilts.referral.v1.Consent"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "given_on", \.givenOn),
        .string(2, "form_reference", \.formReference),
    ])
}
