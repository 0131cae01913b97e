internal import GRDB

/// Watches the writer connection for outbox inserts and publishes the highest inserted sequence
/// to an ``EventNotifier`` once their transaction has committed.
///
/// GRDB holds back events of savepoints until they are released and drops those rolled back, so
/// a body that failed in a group commit publishes nothing. Used only on the writer queue, which
/// serializes every call; hence `@unchecked Sendable`.
final class OutboxObserver: TransactionObserver, @unchecked Sendable {
    private let notifier: EventNotifier
    /// The highest sequence inserted in the open transaction.
    private var pending: Int64?

    init(notifier: EventNotifier) {
        self.notifier = notifier
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let tableName) = eventKind { return tableName == OutboxRecord.databaseTableName }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) {
        pending = max(pending ?? 0, event.rowID)
    }

    func databaseDidCommit(_ db: Database) {
        guard let sequence = pending else { return }
        pending = nil
        notifier.publish(sequence)
    }

    func databaseDidRollback(_ db: Database) {
        pending = nil
    }
}
