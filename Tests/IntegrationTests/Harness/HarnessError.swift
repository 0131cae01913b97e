/// Why the harness could not start, drive or stop the stack: a message that says what to do.
///
/// These are process-level failures (a binary missing, a service that never answered SERVING), kept
/// apart from the gRPC statuses the scenarios assert on.
struct HarnessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
