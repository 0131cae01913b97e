public import GRDB
public import TiltsWire
internal import Foundation

extension Database {
    /// Appends an event to the outbox in the current transaction and returns its sequence.
    ///
    /// Call it inside ``ServiceDatabase/write(_:)`` next to the change the event describes, so
    /// both commit or neither does. Tails are woken only after the commit (see ``EventNotifier``).
    ///
    /// - Parameters:
    ///   - kind: the event kind, naming the payload's message type, e.g. `"CaseAdmitted"`.
    ///   - caseID: the case or referral the event concerns.
    ///   - payload: the event's message; stored protobuf-encoded.
    ///   - source: the emitting service, e.g. `"referral"`.
    ///   - at: when it happened; now when nil.
    /// - Returns: the event's sequence, strictly greater than every earlier one.
    /// - Throws: a database error.
    @discardableResult
    public func appendEvent(
        kind: String, caseID: String, payload: some Message, source: String, at: Timestamp? = nil
    ) throws -> Int64 {
        let time = at ?? Timestamp.current()
        // A cached statement: this runs once per write on the hot path of every service.
        let insert = try cachedStatement(sql: OutboxRecord.insertSQL)
        try insert.execute(arguments: [
            UUID().uuidString.lowercased(), time.seconds, time.nanos, caseID, kind, Data(payload.serializedBytes()), source,
        ])
        return lastInsertedRowID
    }
}

extension Timestamp {
    /// The current wall-clock time.
    static func current() -> Timestamp {
        let now = Date().timeIntervalSince1970
        let seconds = now.rounded(.down)
        return Timestamp(seconds: Int64(seconds), nanos: Int32(min(999_999_999, (now - seconds) * 1e9)))
    }
}
