internal import ArgumentParser
internal import TiltsInterop
internal import TiltsRPC
internal import TiltsTLS
internal import TiltsTransport

/// `tilts-interop-client`: runs one standard gRPC interop case with the Tilts client against any
/// `grpc.testing.TestService` server. Exit status 0 means the case passed.
@main
struct InteropClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilts-interop-client", abstract: "Runs a standard gRPC interop test case.")

    @Option(help: "Unix socket of the server.") var socket: String?
    @Option(help: "Server host for TCP.") var host: String = "127.0.0.1"
    @Option(help: "Server port for TCP.") var port: Int?
    @Flag(help: "Use TLS on TCP.") var tls = false
    @Option(help: "CA bundle that signed the server certificate.") var ca: String?
    @Option(help: "Certificate chain for client authentication (mTLS).") var cert: String?
    @Option(help: "Private key for client authentication (mTLS).") var key: String?
    @Option(help: "Server name to verify instead of the host.") var serverHostOverride: String?
    @Option(help: "The case: \(InteropTestCase.allCases.map(\.rawValue).joined(separator: ", ")), or all.") var testCase: String

    func run() async throws {
        let target: GRPCClientConnection.Target
        if let socket {
            target = .unixSocket(path: socket)
        } else if let port {
            if tls {
                target = .tls(
                    host: host, port: port,
                    .client(trustRootsPath: ca, certificateChainPath: cert, privateKeyPath: key, serverHostnameOverride: serverHostOverride),
                    serverHostname: serverHostOverride)
            } else {
                target = .tcp(host: host, port: port)
            }
        } else {
            throw ValidationError("give --socket or --port")
        }
        let cases: [InteropTestCase]
        if testCase == "all" {
            cases = InteropTestCase.allCases
        } else if let one = InteropTestCase(rawValue: testCase) {
            cases = [one]
        } else {
            throw ValidationError("unknown test case '\(testCase)'")
        }
        let connection = try GRPCClientConnection(target: target)
        let client = RPCClient(transport: connection, defaultTimeout: .seconds(30))
        var failed = 0
        for testCase in cases {
            do {
                try await testCase.run(client)
                print("PASS \(testCase.rawValue)")
            } catch {
                failed += 1
                print("FAIL \(testCase.rawValue): \(error)")
            }
        }
        await connection.close()
        if failed > 0 { throw ExitCode(1) }
    }
}
