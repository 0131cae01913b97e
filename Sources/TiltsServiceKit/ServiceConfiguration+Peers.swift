public import TiltsTransport
internal import TiltsTLS

extension ServiceConfiguration {
    /// Where to reach another Tilts service, from config keys named after it:
    /// - `<name>_socket = PATH`: a Unix socket on this host (the default deployment);
    /// - `<name>_address = HOST:PORT`: TCP with mutual TLS, for deployments across hosts, using this
    ///   service's own certificate (`tls_cert`, `tls_key`) and the CA that signed the peer (`tls_ca`);
    ///   `<name>_server_name` overrides the name checked in the peer's certificate.
    /// - Returns: nil when neither key is set (the link is not configured).
    /// - Throws: ``ServiceConfigurationError`` for a malformed address or missing TLS files.
    public func peerTarget(_ name: String) throws -> GRPCClientConnection.Target? {
        if let path = value("\(name)_socket") {
            return .unixSocket(path: path)
        }
        guard let address = value("\(name)_address") else { return nil }
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), !parts[0].isEmpty else {
            throw ServiceConfigurationError("\(name)_address must be HOST:PORT, not '\(address)'")
        }
        guard let ca = value("tls_ca"), let cert = value("tls_cert"), let key = value("tls_key") else {
            throw ServiceConfigurationError("\(name)_address needs tls_ca, tls_cert and tls_key for mutual TLS")
        }
        let host = String(parts[0])
        let serverName = value("\(name)_server_name")
        return .tls(
            host: host, port: port,
            .client(trustRootsPath: ca, certificateChainPath: cert, privateKeyPath: key, serverHostnameOverride: serverName),
            serverHostname: serverName ?? host)
    }

    /// The TCP + mutual TLS listener for deployments across hosts, when `tls_port` is set:
    /// `tls_host` (default 0.0.0.0), `tls_cert`, `tls_key`, and `tls_ca` for verifying callers.
    public func tlsListener() throws -> GRPCServer.Listener? {
        guard let portText = value("tls_port") else { return nil }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw ServiceConfigurationError("tls_port must be a TCP port, not '\(portText)'")
        }
        guard let ca = value("tls_ca"), let cert = value("tls_cert"), let key = value("tls_key") else {
            throw ServiceConfigurationError("tls_port needs tls_ca, tls_cert and tls_key: services between hosts use mutual TLS")
        }
        return .tls(
            host: value("tls_host") ?? "0.0.0.0", port: port,
            .server(certificateChainPath: cert, privateKeyPath: key, trustRootsPath: ca, clientCertificateVerification: .required))
    }
}
