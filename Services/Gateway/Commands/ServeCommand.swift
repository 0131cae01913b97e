internal import ArgumentParser
internal import TiltsServiceKit

/// `tilts-gateway serve` (the default): runs the gateway until SIGTERM; SIGHUP reloads certificates.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the gateway (the default command).")

    @OptionGroup var options: ServiceOptions

    @Option(help: "Serve TLS on this TCP port (config tls_port).")
    var tlsPort: Int?

    @Option(help: "PEM certificate chain for TLS (config tls_cert).")
    var tlsCert: String?

    @Option(help: "PEM private key for TLS (config tls_key).")
    var tlsKey: String?

    @Option(help: "CA bundle that client certificates must chain to, enabling mTLS (config tls_client_ca).")
    var tlsClientCA: String?

    @Option(help: "Serve cleartext h2c on this loopback port, for development (config h2c_port).")
    var h2cPort: Int?

    @Option(help: "JSON file mapping client certificate subjects to principals (config client_principals).")
    var clientPrincipals: String?

    func run() async throws {
        let runner = try ServiceRunner(name: "tilts-gateway", options: options)
        var overrides: [String: String] = [:]
        overrides["tls_port"] = tlsPort.map(String.init)
        overrides["tls_cert"] = tlsCert
        overrides["tls_key"] = tlsKey
        overrides["tls_client_ca"] = tlsClientCA
        overrides["h2c_port"] = h2cPort.map(String.init)
        overrides["client_principals"] = clientPrincipals
        let settings = try GatewaySettings(runner.configuration, overrides: overrides)
        let app = try GatewayApp(settings: settings, logger: runner.logger, health: runner.health, metrics: runner.metrics)
        try await app.run(observability: runner.observabilityServices())
    }
}
