internal import Testing
internal import TiltsTLS

@Suite("TLSContext")
struct TLSContextTests {
    @Test func validConfigurationsBuild() throws {
        let certificates = try TestCertificates.shared()
        _ = try certificates.serverContext()
        _ = try certificates.serverContext(clientCertificateVerification: .required)
        _ = try certificates.clientContext()
        _ = try certificates.clientContext(identity: .trusted)
        _ = try TLSContext(clientConfiguration: .client())  // system trust store
    }

    private func expectInvalid(_ build: () throws -> TLSContext) {
        do {
            _ = try build()
            Issue.record("expected invalidConfiguration")
        } catch let error as TLSError {
            #expect(error.code == .invalidConfiguration, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingFilesAreConfigurationErrors() throws {
        let certificates = try TestCertificates.shared()
        self.expectInvalid {
            try TLSContext(serverConfiguration: .server(certificateChainPath: "/nonexistent.pem", privateKeyPath: certificates.serverKeyPath))
        }
        self.expectInvalid {
            try TLSContext(serverConfiguration: .server(certificateChainPath: certificates.serverChainPath, privateKeyPath: "/nonexistent.key"))
        }
        self.expectInvalid {
            try TLSContext(clientConfiguration: .client(trustRootsPath: "/nonexistent-ca.pem"))
        }
    }

    @Test func mismatchedKeyIsAConfigurationError() throws {
        let certificates = try TestCertificates.shared()
        self.expectInvalid {
            try TLSContext(serverConfiguration: .server(certificateChainPath: certificates.serverChainPath, privateKeyPath: certificates.clientKeyPath))
        }
    }

    @Test func incompleteIdentityIsAConfigurationError() throws {
        let certificates = try TestCertificates.shared()
        self.expectInvalid {
            try TLSContext(clientConfiguration: .client(certificateChainPath: certificates.clientChainPath))
        }
        self.expectInvalid {
            try TLSContext(serverConfiguration: TLSConfiguration())
        }
    }

    @Test func invalidALPNNameIsAConfigurationError() throws {
        let certificates = try TestCertificates.shared()
        self.expectInvalid { try certificates.serverContext(applicationProtocols: [""]) }
    }

    @Test func errorsCarryOpenSSLQueueText() throws {
        do {
            _ = try TLSContext(clientConfiguration: .client(trustRootsPath: "/nonexistent-ca.pem"))
            Issue.record("expected an error")
        } catch let error as TLSError {
            #expect(!error.openSSLErrors.isEmpty)
            #expect(error.openSSLErrors.allSatisfy { $0.hasPrefix("error:") })
            #expect(error.description.contains("invalid configuration"))
        }
    }
}
