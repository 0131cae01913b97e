internal import Foundation
internal import Testing
internal import TiltsRPC
internal import TiltsTLS
internal import TiltsTransport

/// The whole Tilts stack as a municipal system meets it: `referral-service`, `meeting-service`,
/// `assessment-service` and `reporting-service` following each other's events over their Unix
/// sockets, and `tilts-gateway` in front of them serving TLS on a free loopback port.
///
/// Each process is a child (``ServiceProcess``) with its own data folder, socket, config file and
/// log under one short temporary folder (`/tmp/tilts-sw-XXXXXX`, so socket paths stay far below
/// the ~104-byte limit). ``start()`` makes a test CA and server certificate, starts the services
/// and then the gateway, and waits until each answers SERVING (the gateway only once every routed
/// service does). Callers get bearer tokens from ``caller(_:municipality:name:roles:)``.
/// ``stop()`` sends SIGTERM to each, gateway first, and reports any process that did not exit 0;
/// the folder is then removed (kept, and named, when something failed).
///
/// Use ``run(_:)``, which stops the stack whatever the body does and records unclean exits as
/// test issues:
///
/// ```swift
/// try await StackHarness.run { stack in
///     let sd = try await stack.caller(.socialService, municipality: "riga", name: "Rīgas SD")
///     let referral: Referral = try await sd.call(.referral, "SubmitReferral", request)
/// }
/// ```
///
/// Used by one test task at a time.
final class StackHarness: @unchecked Sendable {
    let folder: String
    let certificates: DevCertificates
    /// The gateway's TLS port on 127.0.0.1.
    let gatewayPort: Int
    /// The gateway's local socket, where this process (the same uid) is the OPERATOR.
    let gatewaySocket: String
    /// Every process, in start order.
    private(set) var processes: [ServiceProcess] = []
    /// One multiplexed TLS connection to the gateway, shared by every caller (each call carries its
    /// caller's token).
    let gateway: GRPCClientConnection

    private init(folder: String, certificates: DevCertificates, gatewayPort: Int) throws {
        self.folder = folder
        self.certificates = certificates
        self.gatewayPort = gatewayPort
        gatewaySocket = folder + "/gw.sock"
        // The client tiltsctl builds (GatewayOptions.target): TLS to HOST:PORT, verified with the CA.
        let tls = TLSConfiguration.client(
            trustRootsPath: certificates.caPath, serverHostnameOverride: DevCertificates.serverName)
        gateway = try GRPCClientConnection(
            target: .tls(host: "127.0.0.1", port: gatewayPort, tls, serverHostname: DevCertificates.serverName))
    }

    /// Starts a stack, runs `body`, and stops the stack; unclean exits are recorded as issues.
    static func run(_ body: (StackHarness) async throws -> Void) async throws {
        let stack = try await start()
        var failure: (any Error)?
        do {
            try await body(stack)
        } catch {
            failure = error
        }
        let problems = await stack.stop(keepFolder: failure != nil)
        for problem in problems {
            Issue.record(Comment(rawValue: problem))
        }
        if let failure { throw failure }
    }

    /// Makes the certificates, writes the configs, starts the four services and then the gateway.
    /// - Throws: ``HarnessError`` when a binary is missing or a process does not serve in time; the
    ///   processes already started are stopped first.
    static func start() async throws -> StackHarness {
        for name in BuiltExecutables.stack {
            _ = try BuiltExecutables.path(name)  // fail before making anything when a binary is missing
        }
        var template = Array("/tmp/tilts-sw-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw HarnessError("cannot create a folder under /tmp") }
        let folder = String(cString: made)
        let certificates = try DevCertificates.make(in: folder)
        let stack = try StackHarness(folder: folder, certificates: certificates, gatewayPort: try LoopbackPort.free())
        do {
            try await stack.launch()
        } catch {
            _ = await stack.stop(keepFolder: true)
            throw error
        }
        return stack
    }

    /// The short names that make up each service's socket, data folder, config and log.
    static let services = [
        ("ref", "referral-service"), ("mtg", "meeting-service"), ("asm", "assessment-service"),
        ("rep", "reporting-service"),
    ]

    private func socket(_ short: String) -> String { "\(folder)/\(short).sock" }

    private func launch() async throws {
        let configs = [
            "ref": ["capacity": "12", "allocation": "requested", "meeting_socket": socket("mtg"), "assessment_socket": socket("asm")],
            "mtg": ["referral_socket": socket("ref")],
            "asm": ["referral_socket": socket("ref"), "meeting_socket": socket("mtg")],
            "rep": [
                "referral_socket": socket("ref"), "meeting_socket": socket("mtg"), "assessment_socket": socket("asm"),
                "pseudonym_secret": "integration-test-secret-not-for-production",
            ],
        ]
        // The services follow each other with reconnecting consumers, so they may start together.
        for (short, name) in Self.services {
            processes.append(try startProcess(name, short: short, config: configs[short] ?? [:]))
        }
        for process in processes {
            try await process.waitServing()
        }
        let gateway = try startProcess("tilts-gateway", short: "gw", config: [
            "tls_port": "\(gatewayPort)", "tls_host": "127.0.0.1", "tls_cert": certificates.serverCertificatePath,
            "tls_key": certificates.serverKeyPath, "referral_socket": socket("ref"), "meeting_socket": socket("mtg"),
            "assessment_socket": socket("asm"), "reporting_socket": socket("rep"), "health_interval_ms": "100",
            "rate_limit_per_second": "1000", "rate_limit_burst": "1000",
        ])
        processes.append(gateway)
        try await gateway.waitServing()
    }

    private func startProcess(_ name: String, short: String, config: [String: String]) throws -> ServiceProcess {
        let configPath = "\(folder)/\(short).conf"
        let text = config.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
        return try ServiceProcess.start(
            name, arguments: ["--config", configPath, "--socket", socket(short), "--data-dir", "\(folder)/\(short)-data"],
            socket: socket(short), log: "\(folder)/\(short).log")
    }

    /// SIGTERM to every process, the gateway first (the reverse of start order), each expected to
    /// drain and exit 0. Returns one message per process that did not, with its log's end.
    func stop(keepFolder: Bool = false) async -> [String] {
        await gateway.close()
        var problems: [String] = []
        for process in processes.reversed() {
            let ending = await process.stop()
            if ending != .exited(0) {
                problems.append("\(process.name) ended with \(ending) on SIGTERM; log \(process.logPath):\n\(process.logTail())")
            }
        }
        processes.removeAll()
        if keepFolder || !problems.isEmpty {
            print("integration harness: kept \(folder) (logs and data) for inspection")
        } else {
            try? FileManager.default.removeItem(atPath: folder)
        }
        return problems
    }
}
