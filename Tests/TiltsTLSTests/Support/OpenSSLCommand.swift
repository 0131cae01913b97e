internal import Foundation

struct OpenSSLCommandError: Error, Sendable, CustomStringConvertible {
    var arguments: [String]
    var output: String
    var description: String { "openssl \(arguments.joined(separator: " ")) failed: \(output)" }
}

/// Runs the `openssl` command-line tool, either to completion or as a background peer
/// (`s_client`, `s_server`) whose output is collected as it arrives.
final class OpenSSLCommand: @unchecked Sendable {
    // @unchecked: `output` is only touched under `lock`; `process` is set up before launch.
    private let process = Process()
    private let lock = NSLock()
    private var output = Data()
    private let input = Pipe()
    private let outputPipe = Pipe()
    let arguments: [String]

    /// Starts `openssl arguments...`; `environment` entries are added to the current environment.
    init(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws {
        self.arguments = arguments
        self.process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        self.process.arguments = arguments
        if let directory {
            self.process.currentDirectoryURL = URL(fileURLWithPath: directory)
        }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        self.process.environment = env
        self.process.standardOutput = self.outputPipe
        self.process.standardError = self.outputPipe
        self.process.standardInput = self.input
        self.outputPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.output.append(data)
            self.lock.unlock()
        }
        try self.process.run()
    }

    deinit {
        self.terminate()
        self.outputPipe.fileHandleForReading.readabilityHandler = nil
    }

    /// Everything printed so far (stdout and stderr).
    var text: String {
        self.lock.lock()
        defer { self.lock.unlock() }
        return String(decoding: self.output, as: UTF8.self)
    }

    var isRunning: Bool { self.process.isRunning }
    var exitCode: Int32 { self.process.terminationStatus }

    /// Writes to the tool's standard input.
    func send(_ text: String) {
        self.input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Waits (polling, without blocking a thread) until the output contains `needle`.
    /// - Returns: the output at that point; throws after `seconds`.
    @discardableResult
    func waitForOutput(containing needle: String, seconds: Double = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = self.text
            if current.contains(needle) { return current }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw OpenSSLCommandError(arguments: self.arguments, output: "timed out waiting for \"\(needle)\":\n\(self.text)")
    }

    /// Waits until the process exits, terminating it after `seconds`.
    func waitForExit(seconds: Double = 10) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while self.process.isRunning {
            if Date() >= deadline {
                self.process.terminate()
                throw OpenSSLCommandError(arguments: self.arguments, output: "did not exit in time:\n\(self.text)")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        // Let the readability handler collect the last bytes.
        try await Task.sleep(nanoseconds: 50_000_000)
    }

    func terminate() {
        if self.process.isRunning {
            self.process.terminate()
        }
    }

    /// Runs `openssl arguments...` to completion; throws if it exits with a non-zero status.
    static func run(_ arguments: [String], in directory: String) throws(OpenSSLCommandError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw OpenSSLCommandError(arguments: arguments, output: "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenSSLCommandError(arguments: arguments, output: String(decoding: data, as: UTF8.self))
        }
    }
}
