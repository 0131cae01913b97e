internal import Foundation
internal import Testing
internal import TiltsMessages
internal import TiltsRPC
@testable internal import Gateway

@Suite("AccessPolicy: the one table, deny by default")
struct AccessPolicyTests {
    let policy = AccessPolicy.standard
    let sd = Principal(institution: .socialService, municipality: "riga", subject: "token:sd")
    let bt = Principal(institution: .orphansCourt, municipality: "riga", subject: "token:bt")
    let centre = Principal(institution: .centre, subject: "token:kc")
    let ministry = Principal(institution: .ministry, subject: "token:lm")
    let local = Authenticator.localOperator(uid: 1000)

    func referral(_ method: String) -> MethodDescriptor {
        MethodDescriptor(service: "tilts.referral.v1.ReferralService", method: method)
    }

    func code(_ decision: AccessPolicy.Decision) -> StatusCode? {
        if case .refuse(let error) = decision { return error.code }
        return nil
    }

    @Test func socialServiceSubmitsAndReadsButDoesNotDoTheCentresSteps() {
        #expect(policy.decide(referral("SubmitReferral"), principal: sd, isLocal: false) == .allow(upstream: "referral"))
        #expect(policy.decide(referral("GetCase"), principal: sd, isLocal: false) == .allow(upstream: "referral"))
        for method in ["AdmitCase", "DeclineReferral", "GetWaitingList", "TerminateCase", "CompleteCase"] {
            #expect(code(policy.decide(referral(method), principal: sd, isLocal: false)) == .permissionDenied, "\(method)")
            #expect(policy.decide(referral(method), principal: centre, isLocal: false) == .allow(upstream: "referral"))
        }
        #expect(code(policy.decide(referral("SubmitReferral"), principal: bt, isLocal: false)) == .permissionDenied)
        #expect(code(policy.decide(referral("GetCase"), principal: ministry, isLocal: false)) == .permissionDenied)
    }

    @Test func unlistedMethodsAreDeniedAndUnknownServicesUnimplemented() {
        #expect(code(policy.decide(referral("DropAllTables"), principal: centre, isLocal: false)) == .permissionDenied)
        #expect(code(policy.decide(referral("WatchEvents"), principal: local, isLocal: true)) == .permissionDenied)
        let unknown = MethodDescriptor(service: "tilts.secret.v1.Backdoor", method: "Open")
        #expect(code(policy.decide(unknown, principal: centre, isLocal: false)) == .unimplemented)
        let none = Principal()
        #expect(code(policy.decide(referral("GetCase"), principal: none, isLocal: false)) == .permissionDenied)
    }

    @Test func refusalsNameTheMethodAndWhoMayCallIt() throws {
        guard case .refuse(let error) = policy.decide(referral("AdmitCase"), principal: sd, isLocal: false) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(error.message.contains("AdmitCase") && error.message.contains("SOCIAL_SERVICE") && error.message.contains("CENTRE"))
    }

    @Test func adminIsLocalOperatorOnlyAndAuditNeedsTheDPORole() {
        let issue = MethodDescriptor(service: GatewayAPI.adminServiceName, method: "IssueToken")
        #expect(policy.decide(issue, principal: local, isLocal: true) == .allow(upstream: nil))
        #expect(code(policy.decide(issue, principal: local, isLocal: false)) == .permissionDenied)
        #expect(code(policy.decide(issue, principal: centre, isLocal: true)) == .permissionDenied)
        let query = MethodDescriptor(service: GatewayAPI.auditServiceName, method: "QueryAudit")
        #expect(code(policy.decide(query, principal: centre, isLocal: false)) == .permissionDenied)
        var dpo = centre
        dpo.roles = ["dpo"]
        #expect(policy.decide(query, principal: dpo, isLocal: false) == .allow(upstream: nil))
        #expect(policy.decide(query, principal: local, isLocal: true) == .allow(upstream: nil))
    }

    @Test func healthIsPublicAndEverythingElseIsNot() {
        #expect(policy.isPublic(MethodDescriptor(service: "grpc.health.v1.Health", method: "Check")))
        #expect(!policy.isPublic(referral("GetCase")))
        #expect(!policy.isPublic(MethodDescriptor(service: "grpc.health.v1.Health", method: "Other")))
    }

    /// Every rpc of every routed service's .proto has a row: nothing is denied by accident.
    @Test func everyRoutedProtoMethodIsListed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Proto/tilts")
        var checked = 0
        for (service, entry) in policy.services where service.hasPrefix("tilts.") && entry.otherMethods == nil {
            let parts = service.split(separator: ".")
            let file = root.appendingPathComponent("\(parts[1])/\(parts[2])/\(parts[1]).proto")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            var current = ""
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("service ") { current = String(trimmed.dropFirst(8).prefix { $0 != " " && $0 != "{" }) }
                guard current == parts.last.map(String.init), trimmed.hasPrefix("rpc "), let name = trimmed.dropFirst(4).split(separator: "(").first else { continue }
                #expect(entry.methods[String(name)] != nil, "\(service)/\(name) has no row in the policy table")
                checked += 1
            }
        }
        #expect(checked >= 40, "referral, meeting, assessment, reporting and the gateway's own")
    }
}
