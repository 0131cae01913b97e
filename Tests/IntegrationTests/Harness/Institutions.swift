internal import TiltsRPC

/// The callers of a scenario, each with its own bearer token: Riga's social service (the child's
/// municipality), Cēsis' social service (another municipality), the centre, and the centre's data
/// protection officer (role `dpo`), who reads the audit log.
struct Institutions: Sendable {
    let sd: GatewayCaller
    let otherSD: GatewayCaller
    let centre: GatewayCaller
    let dpo: GatewayCaller

    init(_ stack: StackHarness) async throws {
        sd = try await stack.caller(.socialService, municipality: "riga", name: "Rīgas Sociālais dienests")
        otherSD = try await stack.caller(.socialService, municipality: "cesis", name: "Cēsu Sociālais dienests")
        centre = try await stack.caller(.centre, name: "Ģimenes atbalsta centrs")
        dpo = try await stack.caller(.centre, name: "Datu aizsardzības speciālists", roles: ["dpo"])
    }
}

extension RPCError? {
    /// Whether the call was refused the way a record of another municipality is: NOT_FOUND, or
    /// PERMISSION_DENIED (the services may do either; neither tells the caller the record exists).
    var hidesTheRecord: Bool {
        self?.code == .notFound || self?.code == .permissionDenied
    }
}
