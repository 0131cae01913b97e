internal import Foundation
internal import TiltsHealth
internal import TiltsRPC
internal import TiltsTransport

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One Tilts executable running as a child process, as an operator would run it: its own data
/// folder and Unix socket, a config file, standard output and error into a log file.
///
/// ``start(_:arguments:socket:log:)`` launches it; ``waitServing(timeout:)`` polls
/// `grpc.health.v1.Health/Check` on its socket until SERVING (bounded); ``stop(timeout:)`` sends
/// SIGTERM, the graceful signal, and returns how it ended, killing it when it does not exit in
/// time. The child inherits the environment without `TILTS_*` keys, so a developer's settings do
/// not change what the tests see.
///
/// Owned and driven by one harness task at a time: `Process` is not thread-safe, hence
/// `@unchecked Sendable`.
final class ServiceProcess: @unchecked Sendable {
    /// How the process ended.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        /// Still running after the graceful-shutdown time: killed with SIGKILL.
        case killedAfterTimeout

        var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signalled(let signal): "signal \(signal)"
            case .killedAfterTimeout: "no exit after SIGTERM (killed)"
            }
        }
    }

    let name: String
    let socketPath: String
    let logPath: String
    private let process: Process

    private init(name: String, socketPath: String, logPath: String, process: Process) {
        self.name = name
        self.socketPath = socketPath
        self.logPath = logPath
        self.process = process
    }

    /// Launches executable `name` (from ``BuiltExecutables``) with `arguments`.
    /// - Throws: ``HarnessError`` when the binary is missing or cannot be started.
    static func start(_ name: String, arguments: [String], socket: String, log: String) throws -> ServiceProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutables.path(name))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TILTS_") }
        guard FileManager.default.createFile(atPath: log, contents: nil), let output = FileHandle(forWritingAtPath: log)
        else {
            throw HarnessError("cannot create the log file \(log)")
        }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw HarnessError("cannot start \(name): \(error)")
        }
        try? output.close()  // the child holds its own copy
        return ServiceProcess(name: name, socketPath: socket, logPath: log, process: process)
    }

    var isRunning: Bool { process.isRunning }

    /// The end of the log, for failure messages.
    func logTail(_ limit: Int = 3000) -> String {
        guard let data = FileManager.default.contents(atPath: logPath) else { return "(no log)" }
        return String(decoding: data.suffix(limit), as: UTF8.self)
    }

    /// Polls Health/Check("") on the socket until SERVING.
    /// - Throws: ``HarnessError`` with the last answer and the log's end when the process exits or
    ///   `timeout` passes first.
    func waitServing(timeout: Duration = .seconds(15)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var last = "no answer"
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw HarnessError("\(name) exited (\(ending)) before serving:\n\(logTail())")
            }
            if FileManager.default.fileExists(atPath: socketPath) {
                // A new connection per attempt: a failed connect would back off for longer.
                let connection = try GRPCClientConnection(target: .unixSocket(path: socketPath))
                do {
                    let status = try await HealthClient(client: RPCClient(transport: connection))
                        .check(timeout: .seconds(1))
                    await connection.close()
                    if status == .serving { return }
                    last = "status \(status)"
                } catch {
                    await connection.close()
                    last = "\(error)"
                }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("\(name) did not answer SERVING within \(timeout) (\(last)):\n\(logTail())")
    }

    /// Sends SIGTERM and waits for the exit; kills the process when `timeout` passes first.
    func stop(timeout: Duration = .seconds(15)) async -> Ending {
        if process.isRunning {
            process.terminate()  // SIGTERM
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while process.isRunning && ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                usleep(20_000)  // a cancelled test still stops its processes, without spinning
            }
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return .killedAfterTimeout
        }
        return ending
    }

    private var ending: Ending {
        process.terminationReason == .exit ? .exited(process.terminationStatus) : .signalled(process.terminationStatus)
    }
}
