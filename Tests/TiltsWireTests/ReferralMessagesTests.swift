internal import Foundation
internal import Testing
internal import TiltsMessages
@testable internal import TiltsWire

/// The hand-written `tilts.referral.v1` messages: round trips, and the reference library's bytes
/// and JSON for one fully populated `Referral` (`Fixtures/referral-golden.json`, from
/// `make_golden.py`).
@Suite("tilts.referral.v1 messages")
struct ReferralMessagesTests {
    /// The same value as `build_referral` in `Fixtures/make_golden.py`.
    static let details = ReferralDetails(
        municipality: "riga",
        socialService: "Rīgas Sociālais dienests",
        contact: ContactPerson(name: "Ilze Kalniņa", phone: "+371 20000000", email: "ilze@example.lv"),
        child: Child(
            givenName: "Anna", familyName: "Bērziņa", birthDate: "2013-04-09", sex: .female,
            personalCode: "321234-56789",
            identityDocument: IdentityDocument(kind: "passport", number: "UA1234567", issuingCountry: "UA"),
            languages: ["uk", "ru", "lv"]),
        legalRepresentative: LegalRepresentative(
            name: "Olena Berzina", relationship: "mother", phone: "+371 29999999", email: "olena@example.com"),
        orphansCourtInvolved: true,
        orphansCourt: "Rīgas bāriņtiesa",
        consent: Consent(givenOn: "2025-03-01", formReference: "SD-2025/117"),
        traumaSigns: ["nightmares", "withdrawal"],
        violenceTypes: [.emotional, .neglect, .physical],
        requestedLength: .requested70Days,
        urgent: true,
        urgencyReason: "unsafe at home",
        notes: #"interpreter needed "uk""#,
        plannedAdmissionDate: "2025-03-17")

    static let referral = Referral(
        referralID: "0b6e3f5c-2a47-4d2e-9a51-7f2c1d3e4b5a",
        status: .prePlacementMeetingHeld,
        receivedAt: Timestamp(seconds: 1_741_078_800, nanos: 123_000_000),
        receivedOn: "2025-03-04",
        details: details,
        caseID: "9f1c2b3a-0000-4000-8000-000000000001",
        prePlacementMeetingHeldOn: "2025-03-10",
        closingReason: "none yet",
        closedOn: "2025-03-11")

    static func golden() throws -> Fixtures.GoldenCase {
        struct File: Decodable { let cases: [Fixtures.GoldenCase] }
        let file = try JSONDecoder().decode(File.self, from: Fixtures.data("referral-golden.json"))
        return try #require(file.cases.first { $0.name == "referral_full" })
    }

    @Test("A fully populated SubmitReferralRequest round-trips through binary and JSON")
    func submitRoundTrip() throws {
        let request = SubmitReferralRequest(requestID: "5d0c7a51-9a3e-4c57-8f0b-2f4f8f0c1e22", details: Self.details)
        let bytes = request.serializedBytes()
        let decoded = try SubmitReferralRequest(serializedBytes: bytes)
        #expect(decoded == request)
        #expect(decoded.unknownFields.isEmpty)
        #expect(decoded.serializedBytes() == bytes)

        let json = request.jsonString()
        #expect(try SubmitReferralRequest(jsonString: json) == request)
        #expect(json.contains(#""requestId":"5d0c7a51-9a3e-4c57-8f0b-2f4f8f0c1e22""#))
        #expect(json.contains(#""violenceTypes":["EMOTIONAL","NEGLECT","PHYSICAL"]"#))
        #expect(json.contains(#""requestedLength":"REQUESTED_70_DAYS""#))
    }

    @Test("Reference bytes decode to the expected Referral, and ours equal them")
    func referralGoldenBytes() throws {
        let fixture = try Self.golden()
        let decoded = try Referral(serializedBytes: fixture.bytes)
        #expect(decoded == Self.referral)
        #expect(decoded.unknownFields.isEmpty)
        #expect(Hex.encode(Self.referral.serializedBytes()) == fixture.hex)
    }

    @Test("Reference JSON decodes to the expected Referral, and ours matches it")
    func referralGoldenJSON() throws {
        let fixture = try Self.golden()
        #expect(try Referral(jsonString: fixture.json) == Self.referral)
        #expect(try Referral(jsonString: fixture.json_proto_names) == Self.referral)
        let ours = Self.referral.jsonString()
        #expect(try Fixtures.sameJSON(ours, fixture.json), "ours: \(ours)\nreference: \(fixture.json)")
    }

    @Test("Case with a timeline, deviations and enums round-trips")
    func caseRoundTrip() throws {
        let window = { (first: String, last: String) in DateWindow(first: first, last: last) }
        let value = Case(
            caseID: "c1", referralID: "r1", status: .terminatedEarly, municipality: "jelgava",
            timeline: Timeline(
                admissionDate: "2025-04-01", courseLengthDays: 40, mappingEnd: "2025-04-10",
                meeting1: window("2025-04-08", "2025-04-10"), meeting2: window("2025-04-25", "2025-04-28"),
                meeting3: window("2025-05-08", "2025-05-10"), lastDay: "2025-05-10"),
            allocationMethod: .randomized,
            deviations: [Deviation(kind: "ADMITTED_WITHOUT_PRE_PLACEMENT_MEETING", justification: "urgent",
                                   recordedAt: Timestamp(seconds: 1_743_500_000))],
            terminationReason: .ranAway, terminationNote: "", endedOn: "2025-04-20")
        #expect(try Case(serializedBytes: value.serializedBytes()) == value)
        #expect(try Case(jsonString: value.jsonString()) == value)
        #expect(value.jsonString().contains(#""terminationReason":"RAN_AWAY""#))
    }

    @Test("Enum names follow the .proto")
    func enumNames() {
        #expect(RequestedLength.requested40Days.protoName == "REQUESTED_40_DAYS")
        #expect(TerminationReason.childOrParentsDecision.protoName == "CHILD_OR_PARENTS_DECISION")
        #expect(ReferralStatus(protoName: "DECLINED") == .declined)
        #expect(CaseStatus(rawValue: 9).description == "9")
        #expect(ReferralAPI.serviceName == "tilts.referral.v1.ReferralService")
    }
}
