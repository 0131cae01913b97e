internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

@Suite("PrincipalMetadata and AccessRules")
struct PrincipalMetadataTests {
    static let rigaSD = Principal(institution: .socialService, municipality: "riga", roles: ["case-worker"], subject: "tok-1")
    static let rigaBT = Principal(institution: .orphansCourt, municipality: "riga", subject: "tok-2")
    static let centre = Principal(institution: .centre, subject: "cert-kc")
    static let ministry = Principal(institution: .ministry, subject: "tok-lm")

    @Test("Round trip through tilts-principal-bin")
    func roundTrip() throws {
        let metadata = PrincipalMetadata.metadata(for: Self.rigaSD)
        #expect(metadata.firstBinary("tilts-principal-bin") != nil)
        #expect(try PrincipalMetadata.principal(in: metadata) == Self.rigaSD)
    }

    @Test("Missing metadata is UNAUTHENTICATED")
    func missing() {
        let error = #expect(throws: RPCError.self) { try PrincipalMetadata.principal(in: Metadata()) }
        #expect(error?.code == .unauthenticated)
    }

    @Test("Undecodable metadata is UNAUTHENTICATED", arguments: [[0xFF, 0xFF, 0xFF], [0x0A, 0x05, 0x41], [0x08]] as [[UInt8]])
    func garbage(_ bytes: [UInt8]) {
        var metadata = Metadata()
        metadata.add(PrincipalMetadata.key, bytes)
        let error = #expect(throws: RPCError.self) { try PrincipalMetadata.principal(in: metadata) }
        #expect(error?.code == .unauthenticated)
    }

    @Test("A principal without an institution is UNAUTHENTICATED")
    func noInstitution() {
        let metadata = PrincipalMetadata.metadata(for: Principal(institution: .unspecified, subject: "x"))
        let error = #expect(throws: RPCError.self) { try PrincipalMetadata.principal(in: metadata) }
        #expect(error?.code == .unauthenticated)
    }

    @Test("require: PERMISSION_DENIED unless the institution is listed")
    func require() throws {
        try AccessRules.require(Self.rigaSD, isOneOf: [.socialService], toCall: "SubmitReferral")
        try AccessRules.require(Self.centre, isOneOf: [.centre, .socialService], toCall: "GetReferral")
        let error = #expect(throws: RPCError.self) {
            try AccessRules.require(Self.ministry, isOneOf: [.centre], toCall: "AdmitCase")
        }
        #expect(error?.code == .permissionDenied)
        #expect(error?.message.contains("AdmitCase") == true)
    }

    @Test("canSeeMunicipality: centre all, SD and BT their own, others none")
    func municipalities() {
        #expect(AccessRules.canSeeMunicipality(Self.centre, "riga"))
        #expect(AccessRules.canSeeMunicipality(Self.centre, "jelgava"))
        #expect(AccessRules.canSeeMunicipality(Self.rigaSD, "riga"))
        #expect(!AccessRules.canSeeMunicipality(Self.rigaSD, "jelgava"))
        #expect(AccessRules.canSeeMunicipality(Self.rigaBT, "riga"))
        #expect(!AccessRules.canSeeMunicipality(Self.rigaBT, "jelgava"))
        #expect(!AccessRules.canSeeMunicipality(Self.ministry, "riga"))
        #expect(!AccessRules.canSeeMunicipality(Principal(institution: .fund), "riga"))
        #expect(!AccessRules.canSeeMunicipality(Principal(institution: .police), "riga"))
        // An SD without a municipality sees nothing, not the records with an empty municipality.
        #expect(!AccessRules.canSeeMunicipality(Principal(institution: .socialService), ""))
    }

    @Test("municipalityScope: nil for the centre, own for SD/BT, denied for others")
    func scope() throws {
        #expect(try AccessRules.municipalityScope(of: Self.centre, toCall: "ListReferrals") == nil)
        #expect(try AccessRules.municipalityScope(of: Self.rigaBT, toCall: "ListReferrals") == "riga")
        for principal in [Self.ministry, Principal(institution: .socialService)] {
            let error = #expect(throws: RPCError.self) {
                try AccessRules.municipalityScope(of: principal, toCall: "ListReferrals")
            }
            #expect(error?.code == .permissionDenied)
        }
    }
}
