internal import ArgumentParser
internal import Foundation
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsTransport

/// `tilts-bench-referral`: acknowledged, durable SubmitReferral throughput against a running
/// referral-service, with unique request ids, from N concurrent streams over a few connections.
/// Prints one line of figures; also writes the id of one referral for read benchmarks.
@main
struct ReferralBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilts-bench-referral", abstract: "Measures durable SubmitReferral throughput.")

    @Option(help: "The referral-service socket.") var socket: String
    @Option(help: "Submissions in all.") var count: Int = 20_000
    @Option(help: "Concurrent streams.") var concurrency: Int = 64
    @Option(help: "Connections the streams share.") var connections: Int = 4
    @Option(help: "Offset for the children's personal codes, so runs do not collide.") var offset: Int = 0
    @Option(help: "Write the first referral id here.") var idFile: String?

    func run() async throws {
        var principal = Principal()
        principal.institution = .socialService
        principal.municipality = "riga"
        principal.subject = "bench"
        let metadata = PrincipalMetadata.metadata(for: principal)
        let clients = try (0..<connections).map { _ in
            RPCClient(transport: try GRPCClientConnection(target: .unixSocket(path: socket)), defaultTimeout: .seconds(30))
        }
        let method = MethodDescriptor(service: "tilts.referral.v1.ReferralService", method: "SubmitReferral")
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var latencies: [Duration] = []
                    var n = worker
                    while n < count {
                        let request = Self.request(n + offset)
                        let begin = ContinuousClock.now
                        let _: Referral = try await clients[worker % clients.count].unary(method, request: request, metadata: metadata)
                        latencies.append(ContinuousClock.now - begin)
                        n += concurrency
                    }
                    return latencies
                }
            }
            var all: [Duration] = []
            for try await part in group { all += part }
            return all.sorted()
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func ms(_ d: Duration) -> String { String(format: "%.2f", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
        print(
            "submit: \(count) in \(String(format: "%.2f", seconds)) s = \(Int(Double(count) / seconds))/s, "
                + "p50 \(ms(latencies[latencies.count / 2])) ms, p99 \(ms(latencies[latencies.count * 99 / 100])) ms")
        if let idFile {
            let reply: Referral = try await clients[0].unary(method, request: Self.request(offset), metadata: metadata)
            try reply.referralID.write(toFile: idFile, atomically: true, encoding: .utf8)
        }
    }

    static func request(_ n: Int) -> SubmitReferralRequest {
        var child = Child()
        child.givenName = "Bench"
        child.familyName = "Child"
        child.birthDate = "2016-05-04"
        child.sex = .female
        child.personalCode = String(format: "32%04d-%05d", n / 100_000 % 10_000, n % 100_000)
        child.languages = ["lv"]
        var details = ReferralDetails()
        details.municipality = "riga"
        details.socialService = "SD"
        details.contact = ContactPerson()
        details.contact?.name = "K"
        details.contact?.phone = "+371 20000000"
        details.child = child
        details.legalRepresentative = LegalRepresentative()
        details.legalRepresentative?.name = "M"
        details.legalRepresentative?.relationship = "mother"
        details.consent = Consent()
        details.consent?.givenOn = "2026-03-02"
        details.consent?.formReference = "F"
        details.violenceTypes = [.emotional]
        details.requestedLength = .requested40Days
        var request = SubmitReferralRequest()
        request.requestID = "bench-\(n)"
        request.details = details
        return request
    }
}
