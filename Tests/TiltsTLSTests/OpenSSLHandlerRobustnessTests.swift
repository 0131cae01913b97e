internal import Foundation
internal import NIOCore
internal import NIOPosix
internal import Testing
internal import TiltsTLS

/// Bad input and bad peers: the handler reports an error and closes; the process survives.
@Suite("OpenSSLHandler robustness")
struct OpenSSLHandlerRobustnessTests {
    @Test func garbageBytesFailTheHandshakeAndClose() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let peerEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let peer = try await Loopback.connectPlain(port: serverChannel.port, events: peerEvents)

        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<(64 * 1024)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        peer.writeAndFlush(ByteBuffer(bytes: garbage), promise: nil)

        let error = try await serverEvents.error.futureResult.value()
        #expect(error.code == .handshakeFailed)
        #expect(!error.openSSLErrors.isEmpty)
        try await serverEvents.inactive.futureResult.value()
        try await peer.closeFuture.value()
    }

    @Test func garbageAfterTheHandshakeFailsTheConnection() async throws {
        // A TLS client that, once connected, switches to writing raw bytes below the TLS handler.
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let clientEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let channel = try await Loopback.connect(
            port: serverChannel.port, context: try certificates.clientContext(),
            mode: .collect(expectedBytes: 1), events: clientEvents
        )
        _ = try await serverEvents.handshake.futureResult.value()
        // An application-data record header followed by junk that cannot decrypt.
        var junk = ByteBuffer(bytes: [0x17, 0x03, 0x03, 0x00, 0x40])
        junk.writeBytes([UInt8](repeating: 0xAB, count: 0x40))
        try await channel.eventLoop.submit {
            let tls = try channel.pipeline.syncOperations.handler(type: OpenSSLHandler.self)
            let tlsContext = try channel.pipeline.syncOperations.context(handler: tls)
            tlsContext.writeAndFlush(NIOAny(junk), promise: nil)
        }.get()
        let error = try await serverEvents.error.futureResult.value()
        #expect(error.code == .readFailed)
        try await serverEvents.inactive.futureResult.value()
        try await clientEvents.inactive.futureResult.value()
    }

    @Test func aTLS11OnlyClientIsRefused() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        // An empty config lifts Debian's system-wide TLS 1.2 floor for the client process only,
        // and security level 0 allows TLS 1.1's SHA-1 signatures, so it really offers TLS 1.1.
        let emptyConfig = certificates.directory + "/empty-openssl.cnf"
        try "".write(toFile: emptyConfig, atomically: true, encoding: .utf8)
        let client = try OpenSSLCommand(
            [
                "s_client", "-connect", "127.0.0.1:\(serverChannel.port)", "-tls1_1",
                "-cipher", "DEFAULT@SECLEVEL=0", "-CAfile", certificates.caPath,
            ],
            environment: ["OPENSSL_CONF": emptyConfig]
        )
        defer { client.terminate() }
        let error = try await serverEvents.error.futureResult.value()
        #expect(error.code == .handshakeFailed)
        #expect(error.message.contains("unsupported protocol"))
        try await serverEvents.inactive.futureResult.value()
        try await client.waitForExit()
        #expect(client.text.contains("protocol version"))
        #expect(client.exitCode != 0)
    }

    @Test func clientCloseDuringTheHandshakeIsReported() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let peerEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(context: try certificates.serverContext(), events: serverEvents)
        defer { serverChannel.close(promise: nil) }
        let peer = try await Loopback.connectPlain(port: serverChannel.port, events: peerEvents)
        // Half a ClientHello record header, then hang up.
        try await peer.writeAndFlush(ByteBuffer(bytes: [0x16, 0x03, 0x01])).value()
        try await peer.close().value()
        let error = try await serverEvents.error.futureResult.value()
        #expect(error.code == .closedDuringHandshake)
        try await serverEvents.inactive.futureResult.value()
    }
}
