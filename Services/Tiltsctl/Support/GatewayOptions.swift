internal import ArgumentParser
internal import Foundation
internal import TiltsRPC
internal import TiltsTLS
internal import TiltsTransport
internal import TiltsWire

/// Where the gateway is, who is calling, and how to print: the options every tiltsctl command shares.
///
/// - `--address HOST:PORT` (or `TILTS_GATEWAY`): the gateway's TLS port; `--plaintext` for h2c on
///   loopback (development). `--ca` (or `TILTS_CA`) is the CA bundle to verify it with (default: the
///   system's), `--server-name` the name to verify instead of HOST.
/// - `--socket PATH` (or `TILTS_GATEWAY_SOCKET`): the gateway's local Unix socket, where the local
///   operator administers tokens and reads the audit log without a token.
/// - `--token` (or `TILTS_TOKEN`) sends `authorization: Bearer …`; `--cert` and `--key` present a
///   client certificate (mTLS).
/// - `--json` prints responses as proto3 JSON instead of tables.
struct GatewayOptions: ParsableArguments {
    @Option(help: "The gateway's TLS address, HOST:PORT (env TILTS_GATEWAY).")
    var address: String?

    @Option(help: "The gateway's local Unix socket (env TILTS_GATEWAY_SOCKET).")
    var socket: String?

    @Flag(help: "Cleartext HTTP/2 to --address (development gateways on loopback only).")
    var plaintext = false

    @Option(help: "CA bundle (PEM) to verify the gateway with (env TILTS_CA); default: the system's.")
    var ca: String?

    @Option(help: "The name to verify in the gateway's certificate, when not the address's host.")
    var serverName: String?

    @Option(help: "Bearer token (env TILTS_TOKEN).")
    var token: String?

    @Option(help: "Client certificate chain (PEM) for mutual TLS (env TILTS_CERT).")
    var cert: String?

    @Option(help: "Client certificate key (PEM) for mutual TLS (env TILTS_KEY).")
    var key: String?

    @Option(help: "Seconds to wait for each call.")
    var timeout: Double = 30

    @Flag(help: "Print responses as proto3 JSON.")
    var json = false

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The connection these options describe.
    /// - Throws: ``ValidationError`` when no gateway is named or the options contradict each other.
    func target() throws -> GRPCClientConnection.Target {
        let socket = socket ?? environment["TILTS_GATEWAY_SOCKET"]
        let address = address ?? environment["TILTS_GATEWAY"]
        if let socket, address == nil {
            return .unixSocket(path: socket)
        }
        guard let address else {
            throw ValidationError("name the gateway: --address HOST:PORT (or TILTS_GATEWAY) or --socket PATH (or TILTS_GATEWAY_SOCKET)")
        }
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            throw ValidationError("--address must be HOST:PORT, not '\(address)'")
        }
        let host = String(address[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if plaintext { return .tcp(host: host, port: port) }
        let cert = cert ?? environment["TILTS_CERT"]
        let key = key ?? environment["TILTS_KEY"]
        guard (cert == nil) == (key == nil) else { throw ValidationError("--cert and --key go together") }
        let tls = TLSConfiguration.client(
            trustRootsPath: ca ?? environment["TILTS_CA"], certificateChainPath: cert, privateKeyPath: key,
            serverHostnameOverride: serverName)
        return .tls(host: host, port: port, tls, serverHostname: serverName ?? host)
    }

    /// The metadata every call carries: the bearer token, if any.
    var metadata: Metadata {
        var metadata = Metadata()
        if let token = token ?? environment["TILTS_TOKEN"], !token.isEmpty {
            metadata.add("authorization", "Bearer \(token)")
        }
        return metadata
    }

    /// Connects, runs `body`, and turns a failed call into `CODE: message` on standard error and
    /// a non-zero exit.
    func run(_ body: (GatewayClient) async throws -> Void) async throws {
        let connection: GRPCClientConnection
        do {
            connection = try GRPCClientConnection(target: try target())
        } catch let error as TransportError {
            Failure.print("UNAVAILABLE: \(error.message)")
            throw ExitCode.failure
        }
        let client = GatewayClient(
            rpc: RPCClient(transport: connection, defaultTimeout: .milliseconds(Int64(timeout * 1000))), metadata: metadata,
            json: json)
        do {
            try await body(client)
            await connection.close()
        } catch let error as RPCError {
            await connection.close()
            Failure.print("\(error.code): \(error.message)")
            throw ExitCode.failure
        } catch {
            await connection.close()
            throw error
        }
    }
}

/// Prints to standard error.
enum Failure {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
