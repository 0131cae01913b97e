internal import Foundation

/// A throwaway certificate authority and a server certificate for `localhost` and 127.0.0.1, made
/// with the `openssl` command-line tool (as the Python interop suite makes its own), for the
/// gateway's TLS port. P-256 keys: quick to make, and what a modern deployment would use.
///
/// The files live in `folder` and go when the harness removes it. Immutable once made.
struct DevCertificates: Sendable {
    /// The CA bundle clients trust.
    let caPath: String
    let serverCertificatePath: String
    let serverKeyPath: String
    /// The name the server certificate is for, which clients verify.
    static let serverName = "localhost"

    /// Makes the CA and the server certificate, valid for two days.
    /// - Throws: ``HarnessError`` with openssl's output when a step fails (e.g. no `openssl`).
    static func make(in folder: String) throws -> DevCertificates {
        func openssl(_ arguments: [String]) throws {
            try Self.run(["openssl"] + arguments, in: folder)
        }
        let ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(
            ["req", "-x509"] + ecKey + [
                "-days", "2", "-subj", "/CN=Tilts Integration Test CA", "-keyout", "ca.key", "-out", "ca.pem",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        try openssl(["req"] + ecKey + ["-subj", "/CN=\(serverName)", "-keyout", "server.key", "-out", "server.csr"])
        try Data(
            """
            basicConstraints=CA:FALSE
            keyUsage=critical,digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth
            subjectAltName=DNS:\(serverName),IP:127.0.0.1

            """.utf8
        ).write(to: URL(fileURLWithPath: folder + "/server.ext"))
        try openssl([
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
            "-sha256", "-extfile", "server.ext", "-out", "server.pem",
        ])
        return DevCertificates(
            caPath: folder + "/ca.pem", serverCertificatePath: folder + "/server.pem", serverKeyPath: folder + "/server.key")
    }

    /// Runs a tool found on `PATH` to its end.
    private static func run(_ command: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw HarnessError("cannot run \(command[0]) (is it installed?): \(error)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw HarnessError("\(command.joined(separator: " ")) failed:\n\(text)")
        }
    }
}
