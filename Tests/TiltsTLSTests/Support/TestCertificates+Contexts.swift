internal import TiltsTLS

extension TestCertificates {
    enum ClientIdentity {
        case none
        case trusted
        case untrusted
    }

    func serverContext(
        clientCertificateVerification: TLSConfiguration.ClientCertificateVerification = .none,
        applicationProtocols: [String] = ["h2"]
    ) throws -> TLSContext {
        var configuration = TLSConfiguration.server(
            certificateChainPath: self.serverChainPath,
            privateKeyPath: self.serverKeyPath,
            trustRootsPath: self.caPath,
            clientCertificateVerification: clientCertificateVerification
        )
        configuration.applicationProtocols = applicationProtocols
        return try TLSContext(serverConfiguration: configuration)
    }

    func clientContext(
        identity: ClientIdentity = .none,
        trustRootsPath: String? = nil,
        serverHostnameOverride: String? = nil,
        applicationProtocols: [String] = ["h2"]
    ) throws -> TLSContext {
        var configuration = TLSConfiguration.client(
            trustRootsPath: trustRootsPath ?? self.caPath,
            serverHostnameOverride: serverHostnameOverride
        )
        switch identity {
        case .none:
            break
        case .trusted:
            configuration.certificateChainPath = self.clientChainPath
            configuration.privateKeyPath = self.clientKeyPath
        case .untrusted:
            configuration.certificateChainPath = self.untrustedClientChainPath
            configuration.privateKeyPath = self.untrustedClientKeyPath
        }
        configuration.applicationProtocols = applicationProtocols
        return try TLSContext(clientConfiguration: configuration)
    }
}
