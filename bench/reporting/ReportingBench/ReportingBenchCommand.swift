internal import ArgumentParser
internal import Foundation
internal import Logging
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsTransport

/// `tilts-bench-reporting`: ingestion and report latency of a real `reporting-service` fed a
/// synthetic pilot (``SyntheticPilot``) through three fake WatchEvents streams on Unix sockets.
///
/// Steps: serve the streams; start reporting-service on an empty store (so it backfills from
/// sequence 0, through its real consumers and projector); time until its cursors reach each
/// stream's last sequence (events/s); call GetPilotEvaluation, GetQuarterlyReport and
/// GetOperationalSnapshot as the centre (the first call loads the fact model, later ones are warm)
/// and as the ministry; restart the service, print how long its first load of the fact model from
/// SQLite took (from its log) and time the reports again; print the service's RSS (VmRSS, VmHWM)
/// and store size.
@main
struct ReportingBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilts-bench-reporting", abstract: "Ingestion and report latency of reporting-service on a synthetic pilot.")

    @Option(help: "Synthetic children.") var cases: Int = 1_000_000
    @Option(help: "Generator seed.") var seed: UInt64 = 2026
    @Option(help: "The reporting-service executable.") var service: String
    @Option(help: "A scratch folder (sockets, store, logs).") var work: String
    @Option(help: "Warm report calls to time.") var repeats: Int = 5

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let pilot = SyntheticPilot(cases: cases, seed: seed)
        // The generator's own speed, so its share of the machine is known (it runs beside the service).
        let sample = min(cases, 20_000)
        let generating = ContinuousClock.now
        var generated = 0
        for child in 0..<sample {
            for stream in SyntheticPilot.Stream.allCases { generated += pilot.events(stream, child: child).count }
        }
        let generation = Self.seconds(ContinuousClock.now - generating)
        print(String(format: "generator: %d events for %d children in %.2f s = %.0f events/s", generated, sample, generation,
                     Double(generated) / generation))
        let feeds = SyntheticPilot.Stream.allCases.map { EventFeed(pilot: pilot, stream: $0) }
        var servers: [GRPCServer] = []
        for feed in feeds {
            let path = "\(work)/\(feed.stream.rawValue).sock"
            try? FileManager.default.removeItem(atPath: path)
            let server = GRPCServer(config: .defaults { $0.listeners = [.unixSocket(path: path)] }, services: [feed])
            try await server.start()
            servers.append(server)
        }
        let config = """
            referral_socket = \(work)/referral.sock
            meeting_socket = \(work)/meeting.sock
            assessment_socket = \(work)/assessment.sock
            pseudonym_secret = bench-pseudonym-secret-0123456789
            capacity = 10000
            daily_rate_eur = 95
            log_level = info

            """
        try config.write(toFile: "\(work)/reporting.conf", atomically: true, encoding: .utf8)
        print("synthetic pilot: \(cases) children, seed \(seed)")

        var process = try startService()
        let client = RPCClient(
            transport: try GRPCClientConnection(target: .unixSocket(path: "\(work)/reporting.sock")), defaultTimeout: .seconds(600))
        let started = ContinuousClock.now
        var lastPrint = started
        var status = IngestionStatus()
        while true {
            try await Task.sleep(for: .milliseconds(500))
            status = try await client.unary(Self.method("GetIngestionStatus"), request: GetIngestionStatusRequest(), metadata: Self.operatorMetadata)
            let applied = status.streams.reduce(0) { $0 + $1.sequence }
            if ContinuousClock.now - lastPrint > .seconds(30) {
                lastPrint = ContinuousClock.now
                print("  … \(applied) events applied after \(Self.seconds(ContinuousClock.now - started)) s")
            }
            let lasts = feeds.map(\.lastSequence)
            if lasts.allSatisfy({ $0 != nil }) && zip(feeds, status.streams).allSatisfy({ $0.lastSequence! <= $1.sequence }) {
                break
            }
        }
        let ingestion = ContinuousClock.now - started
        let events = feeds.reduce(Int64(0)) { $0 + $1.lastSequence! }
        print(String(
            format: "ingestion: %lld events (%@) in %.1f s = %.0f events/s; %lld cases, %lld referrals",
            events, feeds.map { "\($0.stream.rawValue) \($0.lastSequence!)" }.joined(separator: ", "),
            Self.seconds(ingestion), Double(events) / Self.seconds(ingestion), status.cases, status.referrals))
        print("store: \(Self.size(of: "\(work)/data")) MB on disk")

        try await timeReports(client, label: "first calls after ingestion")
        print("reporting-service after reports: \(Self.memory(process.processIdentifier))")

        process.terminate()
        process.waitUntilExit()
        process = try startService()
        let restarted = RPCClient(
            transport: try GRPCClientConnection(target: .unixSocket(path: "\(work)/reporting.sock")), defaultTimeout: .seconds(600))
        try await timeReports(restarted, label: "after a restart")
        let loads = ((try? String(contentsOfFile: "\(work)/reporting.log", encoding: .utf8)) ?? "")
            .split(separator: "\n").filter { $0.contains("fact model loaded") }
        for line in loads { print("  service log: \(line)") }
        print("reporting-service after reports: \(Self.memory(process.processIdentifier))")
        process.terminate()
        process.waitUntilExit()
        for server in servers { server.beginGracefulShutdown() }
    }

    func startService() throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: service)
        process.arguments = ["--socket", "\(work)/reporting.sock", "--data-dir", "\(work)/data", "--config", "\(work)/reporting.conf"]
        FileManager.default.createFile(atPath: "\(work)/reporting.log", contents: nil)
        let log = FileHandle(forWritingAtPath: "\(work)/reporting.log")!
        log.seekToEndOfFile()
        process.standardError = log
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: "\(work)/reporting.sock") || ContinuousClock.now < deadline {
            if FileManager.default.fileExists(atPath: "\(work)/reporting.sock") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.5)
        return process
    }

    func timeReports(_ client: RPCClient, label: String) async throws {
        print(label + ":")
        for (name, metadata) in [("centre", Self.metadata(.centre)), ("ministry", Self.metadata(.ministry))] {
            var times: [Double] = []
            for _ in 0..<(name == "centre" ? repeats + 1 : repeats) {
                let begin = ContinuousClock.now
                let report: PilotEvaluation = try await client.unary(
                    Self.method("GetPilotEvaluation"), request: GetPilotEvaluationRequest(), metadata: metadata)
                times.append(Self.seconds(ContinuousClock.now - begin))
                precondition(report.cohorts.count == 2)
            }
            print("  GetPilotEvaluation as \(name): " + times.map { String(format: "%.3f s", $0) }.joined(separator: ", "))
        }
        var times: [Double] = []
        for quarter in 1...4 {
            let begin = ContinuousClock.now
            let _: QuarterlyReport = try await client.unary(
                Self.method("GetQuarterlyReport"), request: GetQuarterlyReportRequest(quarter: Int32(quarter)), metadata: Self.metadata(.ministry))
            times.append(Self.seconds(ContinuousClock.now - begin))
        }
        print("  GetQuarterlyReport Q1-Q4 as ministry: " + times.map { String(format: "%.3f s", $0) }.joined(separator: ", "))
        let begin = ContinuousClock.now
        let _: OperationalSnapshot = try await client.unary(
            Self.method("GetOperationalSnapshot"), request: GetOperationalSnapshotRequest(asOf: "2026-06-15"), metadata: Self.metadata(.centre))
        print(String(format: "  GetOperationalSnapshot as centre: %.3f s", Self.seconds(ContinuousClock.now - begin)))
    }

    static func method(_ name: String) -> MethodDescriptor {
        MethodDescriptor(service: "tilts.reporting.v1.ReportingService", method: name)
    }

    static func metadata(_ institution: InstitutionKind) -> Metadata {
        var principal = Principal()
        principal.institution = institution
        principal.subject = "bench"
        return PrincipalMetadata.metadata(for: principal)
    }

    static let operatorMetadata = metadata(.operator)

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// VmRSS and VmHWM of a process, from /proc.
    static func memory(_ pid: Int32) -> String {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return "unknown" }
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
        return lines.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }.joined(separator: ", ")
    }

    static func size(of directory: String) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let bytes = files.reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: "\(directory)/\(file)")[.size] as? Int) ?? 0)
        }
        return bytes / 1_048_576
    }
}
