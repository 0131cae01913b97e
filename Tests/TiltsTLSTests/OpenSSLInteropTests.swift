internal import Foundation
internal import NIOCore
internal import NIOPosix
internal import Testing
internal import TiltsTLS

/// Our handler against a stock TLS peer: the `openssl s_client` and `s_server` tools.
@Suite("OpenSSLHandler interop with the openssl tool", .serialized)
struct OpenSSLInteropTests {
    @Test(arguments: ["-tls1_3", "-tls1_2"])
    func ourServerEchoesToOpenSSLClient(version: String) async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(
            context: try certificates.serverContext(), mode: .echoThenClose, events: serverEvents
        )
        defer { serverChannel.close(promise: nil) }
        let client = try OpenSSLCommand([
            "s_client", "-connect", "127.0.0.1:\(serverChannel.port)", version,
            "-servername", "localhost", "-verify_hostname", "localhost",
            "-alpn", "h2", "-CAfile", certificates.caPath, "-verify_return_error", "-ign_eof",
        ])
        defer { client.terminate() }
        client.send("hello from s_client\n")
        try await client.waitForExit()
        let output = client.text
        #expect(output.contains("hello from s_client"), "\(output)")
        #expect(output.contains("ALPN protocol: h2"), "\(output)")
        #expect(output.contains("Verify return code: 0 (ok)"), "\(output)")

        let handshake = try await serverEvents.handshake.futureResult.value()
        #expect(handshake.negotiatedProtocol == "h2")
        #expect(handshake.version == (version == "-tls1_3" ? "TLSv1.3" : "TLSv1.2"))
        try await serverEvents.inactive.futureResult.value()
    }

    @Test func ourServerVerifiesOpenSSLClientCertificate() async throws {
        let certificates = try TestCertificates.shared()
        let serverEvents = Loopback.events()
        let serverChannel = try await Loopback.startServer(
            context: try certificates.serverContext(clientCertificateVerification: .required),
            mode: .echoThenClose, events: serverEvents
        )
        defer { serverChannel.close(promise: nil) }
        let client = try OpenSSLCommand([
            "s_client", "-connect", "127.0.0.1:\(serverChannel.port)", "-servername", "localhost",
            "-alpn", "h2", "-CAfile", certificates.caPath, "-verify_return_error", "-ign_eof",
            "-cert", certificates.clientChainPath, "-key", certificates.clientKeyPath,
        ])
        defer { client.terminate() }
        client.send("mtls\n")
        try await client.waitForExit()
        #expect(client.text.contains("mtls"), "\(client.text)")
        let handshake = try await serverEvents.handshake.futureResult.value()
        #expect(handshake.peerCommonName == "test-client")
        #expect(handshake.peerSubject == "CN=test-client,O=Tilts Test")
    }

    @Test(arguments: ["-tls1_3", "-tls1_2"])
    func ourClientTalksToOpenSSLServer(version: String) async throws {
        let certificates = try TestCertificates.shared()
        let server = try OpenSSLCommand([
            "s_server", "-accept", "127.0.0.1:0", version, "-cert", certificates.serverChainPath,
            "-key", certificates.serverKeyPath, "-alpn", "h2", "-www", "-naccept", "1",
        ])
        defer { server.terminate() }
        let banner = try await server.waitForOutput(containing: "ACCEPT 127.0.0.1:")
        let portText = banner.split(separator: "ACCEPT 127.0.0.1:")[1].prefix { $0.isNumber }
        let port = try #require(Int(portText))

        let clientEvents = Loopback.events()
        let channel = try await Loopback.connect(
            port: port, context: try certificates.clientContext(), mode: .collect(expectedBytes: .max), events: clientEvents
        )
        try await channel.writeAndFlush(ByteBuffer(string: "GET / HTTP/1.0\r\n\r\n")).value()
        let handshake = try await clientEvents.handshake.futureResult.value()
        #expect(handshake.negotiatedProtocol == "h2")
        #expect(handshake.version == (version == "-tls1_3" ? "TLSv1.3" : "TLSv1.2"))
        #expect(handshake.peerCommonName == "localhost")

        // s_server -www answers with a status page and closes.
        let page = String(buffer: try await clientEvents.data.futureResult.value())
        #expect(page.hasPrefix("HTTP/1.0 200 ok"), "\(page)")
        #expect(page.contains(handshake.cipher), "\(page)")
        try await clientEvents.inactive.futureResult.value()
        try await server.waitForExit()
    }
}
