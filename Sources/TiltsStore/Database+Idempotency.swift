public import GRDB
public import TiltsWire
internal import Foundation
internal import TiltsRPC

extension Database {
    /// Longest accepted `request_id`.
    public static let maximumRequestIDLength = 128

    /// Runs `body` once per `(scope, requestID)` and returns its response; a retry with the same
    /// key returns the first response, decoded, without running `body` again.
    ///
    /// Call it inside ``ServiceDatabase/write(_:)`` around the whole change, so the stored
    /// response commits with it. Only responses are stored: when `body` throws, nothing is
    /// recorded and a retry runs `body` again (a rule that failed may pass later).
    ///
    /// - Parameters:
    ///   - scope: who and what the key belongs to, e.g. `"SubmitReferral|<principal subject>"`,
    ///     so two callers or two methods never share a key.
    ///   - requestID: the client's idempotency key (`request_id`).
    ///   - body: makes the change and returns the response.
    /// - Throws: ``RPCError`` INVALID_ARGUMENT when `requestID` is empty or longer than
    ///   ``maximumRequestIDLength``; what `body` throws; a database error; a `WireError` if a
    ///   stored response no longer decodes as `M`.
    public func idempotent<M: Message>(scope: String, requestID: String, _ body: () throws -> M) throws -> M {
        guard !requestID.isEmpty else {
            throw RPCError(
                code: .invalidArgument,
                message: "request_id is required: set a unique id (a UUID) per change, and reuse it only to retry that change")
        }
        guard requestID.utf8.count <= Self.maximumRequestIDLength else {
            throw RPCError(
                code: .invalidArgument, message: "request_id is longer than \(Self.maximumRequestIDLength) bytes")
        }
        if let stored = try IdempotencyRecord.storedResponse(scope: scope, requestID: requestID, self) {
            return try M(serializedBytes: [UInt8](stored))
        }
        let response = try body()
        try IdempotencyRecord.store(
            scope: scope, requestID: requestID, response: Data(response.serializedBytes()),
            createdAt: Timestamp.current().seconds, self)
        return response
    }

    /// Deletes idempotency keys stored before `cutoff` (Unix seconds); returns how many. Run it
    /// now and then from a background job; a retry older than the cutoff is then a new change.
    @discardableResult
    public func pruneIdempotencyKeys(storedBefore cutoff: Int64) throws -> Int {
        try IdempotencyRecord.filter(IdempotencyRecord.Columns.createdAt < cutoff).deleteAll(self)
    }
}
