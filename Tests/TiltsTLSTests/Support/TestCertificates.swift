internal import Foundation

/// Certificates made once per test run with the `openssl` command-line tool, in a temp folder:
/// a CA, a server certificate for `localhost` (SANs DNS:localhost, IP:127.0.0.1), a client
/// certificate with CN=test-client, and a second, untrusted CA with its own client certificate.
struct TestCertificates: Sendable {
    let directory: String
    let caPath: String
    let serverChainPath: String
    let serverKeyPath: String
    let clientChainPath: String
    let clientKeyPath: String
    let untrustedCAPath: String
    let untrustedClientChainPath: String
    let untrustedClientKeyPath: String

    /// Generated on first use; tests that run in parallel share it.
    static func shared() throws -> TestCertificates {
        try generated.get()
    }

    private static let generated: Result<TestCertificates, OpenSSLCommandError> = Result { () throws(OpenSSLCommandError) in
        try TestCertificates.generate()
    }

    private static func generate() throws(OpenSSLCommandError) -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tilts-tls-tests-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OpenSSLCommandError(arguments: ["mkdir", directory], output: "\(error)")
        }
        func path(_ name: String) -> String { directory + "/" + name }

        try makeCA(name: "ca", subject: "/O=Tilts Test/CN=Tilts Test CA", in: directory)
        try makeCA(name: "untrusted-ca", subject: "/O=Elsewhere/CN=Untrusted CA", in: directory)
        try makeLeaf(
            name: "server", subject: "/O=Tilts Test/CN=localhost", signedBy: "ca",
            extensions: """
                basicConstraints=CA:FALSE
                keyUsage=critical,digitalSignature
                extendedKeyUsage=serverAuth
                subjectAltName=DNS:localhost,IP:127.0.0.1
                """,
            in: directory
        )
        let clientExtensions = """
            basicConstraints=CA:FALSE
            keyUsage=critical,digitalSignature
            extendedKeyUsage=clientAuth
            """
        try makeLeaf(
            name: "client", subject: "/O=Tilts Test/CN=test-client", signedBy: "ca",
            extensions: clientExtensions, in: directory
        )
        try makeLeaf(
            name: "untrusted-client", subject: "/O=Elsewhere/CN=test-client", signedBy: "untrusted-ca",
            extensions: clientExtensions, in: directory
        )
        return TestCertificates(
            directory: directory,
            caPath: path("ca.pem"),
            serverChainPath: path("server.pem"),
            serverKeyPath: path("server.key"),
            clientChainPath: path("client.pem"),
            clientKeyPath: path("client.key"),
            untrustedCAPath: path("untrusted-ca.pem"),
            untrustedClientChainPath: path("untrusted-client.pem"),
            untrustedClientKeyPath: path("untrusted-client.key")
        )
    }

    private static let keyOptions = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    private static func makeCA(name: String, subject: String, in directory: String) throws(OpenSSLCommandError) {
        try OpenSSLCommand.run(
            ["req", "-x509", "-new"] + keyOptions + [
                "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2", "-subj", subject,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ],
            in: directory
        )
    }

    private static func makeLeaf(
        name: String,
        subject: String,
        signedBy ca: String,
        extensions: String,
        in directory: String
    ) throws(OpenSSLCommandError) {
        try OpenSSLCommand.run(
            ["req", "-new"] + keyOptions + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject],
            in: directory
        )
        let extensionsFile = directory + "/\(name).ext"
        do {
            try extensions.write(toFile: extensionsFile, atomically: true, encoding: .utf8)
        } catch {
            throw OpenSSLCommandError(arguments: ["write", extensionsFile], output: "\(error)")
        }
        try OpenSSLCommand.run(
            [
                "x509", "-req", "-in", "\(name).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).key",
                "-CAcreateserial", "-out", "\(name).pem", "-days", "2", "-extfile", extensionsFile,
            ],
            in: directory
        )
    }
}
