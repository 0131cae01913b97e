internal import NIOCore
internal import NIOPosix
internal import Testing
internal import TiltsTLS

/// Our server handler against our client handler over real TCP on 127.0.0.1.
@Suite("OpenSSLHandler over loopback")
struct OpenSSLHandlerLoopbackTests {
    private func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Starts an echo server, connects, sends `payload`, and returns both handshakes and the echo.
    private func echo(
        _ payload: [UInt8],
        server: TLSContext,
        client: TLSContext
    ) async throws -> (server: TLSHandshakeCompleted, client: TLSHandshakeCompleted, echo: [UInt8]) {
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: server, events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let channel = try await Loopback.connect(
            port: serverChannel.port, context: client, mode: .collect(expectedBytes: payload.count), events: clientEvents
        )
        try await channel.writeAndFlush(ByteBuffer(bytes: payload)).value()
        let echoed = try await clientEvents.data.futureResult.value(timeout: 30)
        let clientHandshake = try await clientEvents.handshake.futureResult.value()
        let serverHandshake = try await serverEvents.handshake.futureResult.value()
        try await channel.close().value()
        try await serverEvents.inactive.futureResult.value()
        return (serverHandshake, clientHandshake, Array(buffer: echoed))
    }

    @Test func bytesRoundTripAndALPNNegotiatesH2() async throws {
        let certificates = try TestCertificates.shared()
        let payload = Array("hello over TLS".utf8)
        let result = try await self.echo(
            payload, server: try certificates.serverContext(), client: try certificates.clientContext()
        )
        #expect(result.echo == payload)
        #expect(result.client.negotiatedProtocol == "h2")
        #expect(result.server.negotiatedProtocol == "h2")
        #expect(result.client.version == "TLSv1.3")
        #expect(!result.client.cipher.isEmpty)
        #expect(result.client.cipher == result.server.cipher)
        #expect(result.client.peerCommonName == "localhost")
        #expect(result.client.peerSubject == "CN=localhost,O=Tilts Test")
        #expect(result.client.peerCertificateDER?.first == 0x30)  // a DER SEQUENCE
        #expect(result.server.peerSubject == nil)
        #expect(result.server.peerCommonName == nil)
        #expect(result.server.peerCertificateDER == nil)
    }

    @Test func oneMebibyteRoundTrips() async throws {
        let certificates = try TestCertificates.shared()
        let payload = self.randomBytes(1 << 20)
        let result = try await self.echo(
            payload, server: try certificates.serverContext(), client: try certificates.clientContext()
        )
        #expect(result.echo.count == payload.count)
        #expect(result.echo == payload)
    }

    @Test func writesBeforeTheHandshakeAreSentAfterIt() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let clientContext = try certificates.clientContext()
        let parts = ["first ", "second ", "third"]
        // Write from inside the channel initializer, before the TCP connection (and the handshake) exists.
        let writesDone = Loopback.group.next().makePromise(of: Void.self)
        let channel = try await ClientBootstrap(group: Loopback.group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let client = OpenSSLHandler.client(context: clientContext, serverHostname: "localhost")
                    try channel.pipeline.syncOperations.addHandler(client)
                    try channel.pipeline.syncOperations.addHandler(
                        TLSEventRecorder(mode: .collect(expectedBytes: parts.joined().utf8.count), events: clientEvents)
                    )
                    let futures = parts.map { channel.writeAndFlush(ByteBuffer(string: $0)) }
                    #expect(client.handshakeResult == nil)
                    EventLoopFuture.andAllSucceed(futures, on: channel.eventLoop).cascade(to: writesDone)
                }
            }
            .connect(host: "127.0.0.1", port: serverChannel.port)
            .get()
        try await writesDone.futureResult.value()
        let echoed = try await clientEvents.data.futureResult.value()
        #expect(String(buffer: echoed) == parts.joined())
        let handshake = try await clientEvents.handshake.futureResult.value()
        let stored = try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: OpenSSLHandler.self).handshakeResult
        }.get()
        #expect(stored == handshake)
        try await channel.close().value()
    }

    @Test func mutualTLSRequiredWithClientCertificate() async throws {
        let certificates = try TestCertificates.shared()
        let result = try await self.echo(
            Array("mtls".utf8),
            server: try certificates.serverContext(clientCertificateVerification: .required),
            client: try certificates.clientContext(identity: .trusted)
        )
        #expect(result.server.peerCommonName == "test-client")
        #expect(result.server.peerSubject == "CN=test-client,O=Tilts Test")
        #expect(result.server.peerCertificateDER != nil)
        #expect(result.echo == Array("mtls".utf8))
    }

    @Test func mutualTLSOptionalAcceptsAClientWithoutCertificate() async throws {
        let certificates = try TestCertificates.shared()
        let result = try await self.echo(
            Array("optional".utf8),
            server: try certificates.serverContext(clientCertificateVerification: .optional),
            client: try certificates.clientContext()
        )
        #expect(result.server.peerCommonName == nil)
        #expect(result.echo == Array("optional".utf8))
    }

    /// Connects and expects both ends to fail with a TLS error and close.
    private func expectHandshakeFailure(
        server: TLSContext,
        client: TLSContext,
        serverHostname: String? = "localhost"
    ) async throws -> (server: TLSError, client: TLSError) {
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: server, events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let channel = try await Loopback.connect(
            port: serverChannel.port, context: client, serverHostname: serverHostname,
            mode: .collect(expectedBytes: 1), events: clientEvents
        )
        // Under TLS 1.3 a client finishes before the server has checked its certificate:
        // it learns of the failure from the alert that follows.
        channel.writeAndFlush(ByteBuffer(string: "x"), promise: nil)
        let serverError = try await serverEvents.error.futureResult.value()
        let clientError = try await clientEvents.error.futureResult.value()
        try await serverEvents.inactive.futureResult.value()
        try await clientEvents.inactive.futureResult.value()
        await #expect(throws: (any Error).self) { try await serverEvents.handshake.futureResult.value() }
        return (serverError, clientError)
    }

    @Test func mutualTLSRequiredWithoutClientCertificateFails() async throws {
        let certificates = try TestCertificates.shared()
        let errors = try await self.expectHandshakeFailure(
            server: try certificates.serverContext(clientCertificateVerification: .required),
            client: try certificates.clientContext()
        )
        #expect(errors.server.code == .handshakeFailed)
        #expect(errors.server.message.contains("peer did not return a certificate"))
        #expect(errors.client.message.contains("certificate required"))
    }

    @Test func mutualTLSRequiredWithUntrustedClientCertificateFails() async throws {
        let certificates = try TestCertificates.shared()
        let errors = try await self.expectHandshakeFailure(
            server: try certificates.serverContext(clientCertificateVerification: .required),
            client: try certificates.clientContext(identity: .untrusted)
        )
        #expect(errors.server.code == .handshakeFailed)
        #expect(errors.server.message.contains("certificate verify failed"))
        #expect(errors.client.message.contains("unknown ca"))
    }

    @Test func noCommonApplicationProtocolFailsTheHandshake() async throws {
        let certificates = try TestCertificates.shared()
        let errors = try await self.expectHandshakeFailure(
            server: try certificates.serverContext(applicationProtocols: ["h2"]),
            client: try certificates.clientContext(applicationProtocols: ["http/1.1"])
        )
        #expect(errors.server.code == .handshakeFailed)
        #expect(errors.client.code == .handshakeFailed)
        #expect(errors.client.message.contains("no application protocol"))
    }

    @Test func clientRejectsAServerCertificateForAnotherName() async throws {
        let certificates = try TestCertificates.shared()
        let errors = try await self.expectHandshakeFailure(
            server: try certificates.serverContext(),
            client: try certificates.clientContext(),
            serverHostname: "example.com"
        )
        #expect(errors.client.code == .handshakeFailed)
        #expect(errors.client.message.contains("hostname mismatch"))
        #expect(errors.server.message.contains("bad certificate"))
    }

    @Test func clientRejectsAServerFromAnUntrustedCA() async throws {
        let certificates = try TestCertificates.shared()
        let errors = try await self.expectHandshakeFailure(
            server: try certificates.serverContext(),
            client: try certificates.clientContext(trustRootsPath: certificates.untrustedCAPath)
        )
        #expect(errors.client.code == .handshakeFailed)
        #expect(errors.client.message.contains("certificate verify failed"))
    }

    @Test(arguments: [("127.0.0.1", nil), ("not-the-name", "localhost"), ("not-the-name", "127.0.0.1")])
    func hostnameOverrideAndIPAddressesVerify(hostname: String, override: String?) async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let channel = try await Loopback.connect(
            port: serverChannel.port,
            context: try certificates.clientContext(serverHostnameOverride: override),
            serverHostname: hostname,
            mode: .collect(expectedBytes: 2),
            events: clientEvents
        )
        try await channel.writeAndFlush(ByteBuffer(string: "ok")).value()
        #expect(String(buffer: try await clientEvents.data.futureResult.value()) == "ok")
        #expect(try await clientEvents.handshake.futureResult.value().peerCommonName == "localhost")
        try await channel.close().value()
    }

    @Test func closeSendsCloseNotifyAndBothSidesCloseCleanly() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let channel = try await Loopback.connect(
            port: serverChannel.port, context: try certificates.clientContext(),
            mode: .collect(expectedBytes: 1), events: clientEvents
        )
        _ = try await clientEvents.handshake.futureResult.value()
        _ = try await serverEvents.handshake.futureResult.value()
        try await channel.close().value()
        // The server answers the close_notify with its own and closes; nobody reports an error.
        try await serverEvents.inactive.futureResult.value()
        try await clientEvents.inactive.futureResult.value()
        serverEvents.error.fail(TimeoutError())
        clientEvents.error.fail(TimeoutError())
        await #expect(throws: TimeoutError.self) { try await serverEvents.error.futureResult.value() }
        await #expect(throws: TimeoutError.self) { try await clientEvents.error.futureResult.value() }
        // Writes after close fail instead of vanishing.
        await #expect(throws: (any Error).self) { try await channel.writeAndFlush(ByteBuffer(string: "late")).value() }
    }

    @Test func handlerAddedToAnAlreadyActiveChannelStartsTheHandshake() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let clientContext = try certificates.clientContext()
        let channel = try await ClientBootstrap(group: Loopback.group)
            .connect(host: "127.0.0.1", port: serverChannel.port)
            .get()
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(OpenSSLHandler.client(context: clientContext, serverHostname: "localhost"))
            try channel.pipeline.syncOperations.addHandler(TLSEventRecorder(mode: .collect(expectedBytes: 4), events: clientEvents))
        }.get()
        try await channel.writeAndFlush(ByteBuffer(string: "late")).value()
        #expect(String(buffer: try await clientEvents.data.futureResult.value()) == "late")
        try await channel.close().value()
    }

    @Test func handshakeCompletesWithoutAutoRead() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverContext = try certificates.serverContext()
        let serverChannel = try await ServerBootstrap(group: Loopback.group)
            .childChannelOption(ChannelOptions.autoRead, value: false)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(OpenSSLHandler.server(context: serverContext))
                    try channel.pipeline.syncOperations.addHandler(TLSEventRecorder(mode: .echo, events: serverEvents))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        defer { serverChannel.close(promise: nil) }
        let channel = try await Loopback.connect(
            port: serverChannel.port, context: try certificates.clientContext(), mode: .collect(expectedBytes: 1),
            events: clientEvents
        )
        #expect(try await serverEvents.handshake.futureResult.value().negotiatedProtocol == "h2")
        #expect(try await clientEvents.handshake.futureResult.value().negotiatedProtocol == "h2")
        try await channel.close().value()
    }

    @Test func clientWithoutALPNNegotiatesNoProtocol() async throws {
        let certificates = try TestCertificates.shared()
        let result = try await self.echo(
            Array("no alpn".utf8),
            server: try certificates.serverContext(),
            client: try certificates.clientContext(applicationProtocols: [])
        )
        #expect(result.server.negotiatedProtocol == nil)
        #expect(result.client.negotiatedProtocol == nil)
        #expect(result.echo == Array("no alpn".utf8))
    }
}
