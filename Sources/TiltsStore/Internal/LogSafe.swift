internal import GRDB
internal import TiltsRPC

/// Describes errors for logs without their free text, which may quote personal data (SQL
/// arguments, a message a domain rule built from a name).
enum LogSafe {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as RPCError:
            return "RPCError \(error.code)"
        case let error as DatabaseError:
            return "SQLite \(error.extendedResultCode)"
        case let error as StoreError:
            return "StoreError \(error.code)"
        case let error as EventConsumerError:
            return "event \(error.sequence) (\(error.kind)): \(describe(error.cause))"
        case is CancellationError:
            return "cancelled"
        default:
            return String(describing: type(of: error))
        }
    }
}
