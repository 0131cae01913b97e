internal import Foundation
internal import GRDB
internal import TiltsMessages
internal import TiltsWire

/// A row of `referral`.
struct ReferralRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "referral"

    enum Columns {
        static let referralID = Column(CodingKeys.referralID)
        static let status = Column(CodingKeys.status)
        static let municipality = Column(CodingKeys.municipality)
        static let receivedOn = Column(CodingKeys.receivedOn)
        static let receivedAtMicros = Column(CodingKeys.receivedAtMicros)
        static let urgent = Column(CodingKeys.urgent)
        static let childKey = Column(CodingKeys.childKey)
        static let caseID = Column(CodingKeys.caseID)
    }

    enum CodingKeys: String, CodingKey {
        case referralID = "referral_id", status, municipality, receivedOn = "received_on"
        case receivedAtMicros = "received_at_micros", urgent, childKey = "child_key", caseID = "case_id", message
    }

    var referralID: String
    var status: Int32
    var municipality: String
    var receivedOn: String
    var receivedAtMicros: Int64
    var urgent: Bool
    var childKey: String
    var caseID: String?
    var message: Data

    init(_ referral: Referral, childKey: String) {
        referralID = referral.referralID
        status = referral.status.rawValue
        municipality = referral.details?.municipality ?? ""
        receivedOn = referral.receivedOn
        let at = referral.receivedAt ?? Timestamp()
        receivedAtMicros = at.seconds * 1_000_000 + Int64(at.nanos / 1000)
        urgent = referral.details?.urgent ?? false
        self.childKey = childKey
        caseID = referral.caseID.isEmpty ? nil : referral.caseID
        message = Data(referral.serializedBytes())
    }

    func referral() throws -> Referral {
        try Referral(serializedBytes: Array(message))
    }
}

/// A row of `case`.
struct CaseRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "case"

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
        static let referralID = Column(CodingKeys.referralID)
        static let status = Column(CodingKeys.status)
        static let municipality = Column(CodingKeys.municipality)
        static let admissionDay = Column(CodingKeys.admissionDay)
        static let lastDay = Column(CodingKeys.lastDay)
        static let ageBand = Column(CodingKeys.ageBand)
        static let allocationMethod = Column(CodingKeys.allocationMethod)
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", referralID = "referral_id", status, municipality, admissionDay = "admission_day"
        case lastDay = "last_day", ageBand = "age_band", allocationMethod = "allocation_method", message
    }

    var caseID: String
    var referralID: String
    var status: Int32
    var municipality: String
    var admissionDay: Int
    var lastDay: Int
    var ageBand: String
    var allocationMethod: Int32
    var message: Data

    init(_ value: Case, admissionDay: Int, lastDay: Int, ageBand: String) {
        caseID = value.caseID
        referralID = value.referralID
        status = value.status.rawValue
        municipality = value.municipality
        self.admissionDay = admissionDay
        self.lastDay = lastDay
        self.ageBand = ageBand
        allocationMethod = value.allocationMethod.rawValue
        message = Data(value.serializedBytes())
    }

    func value() throws -> Case {
        try Case(serializedBytes: Array(message))
    }
}
