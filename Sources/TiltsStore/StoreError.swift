/// A failure of the store itself (opening, migrating, committing), as opposed to a call's own
/// error such as a rule violation.
///
/// `code` says what went wrong; `message` is for operators and names no personal data; `cause`
/// is the underlying GRDB or SQLite error, for logs. Conforms to ``RPCErrorConvertible`` so a
/// handler that lets it escape answers UNAVAILABLE or INTERNAL with a generic message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; do not switch over them exhaustively.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String {
            case openFailed, migrationFailed, rolledBack, shuttingDown, diskFull
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The database file could not be opened or created.
        public static let openFailed = Code(.openFailed)
        /// A migration threw; the database is left at the last migration that succeeded.
        public static let migrationFailed = Code(.migrationFailed)
        /// The write was rolled back, with the others of its group commit, by a database error
        /// outside its own body (e.g. the disk is full). Nothing of it was stored; retry it.
        public static let rolledBack = Code(.rolledBack)
        /// The service is stopping; event streams end with this.
        public static let shuttingDown = Code(.shuttingDown)
        /// The disk (or quota) holding the database is full (`SQLITE_FULL`): nothing of the write
        /// was stored. Writes succeed again, without a restart, once space is freed.
        public static let diskFull = Code(.diskFull)

        public var description: String { wrapped.rawValue }
    }

    public var code: Code
    public var message: String
    public var cause: (any Error & Sendable)?

    public init(code: Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        "\(code): \(message)" + (cause.map { " (\($0))" } ?? "")
    }
}
