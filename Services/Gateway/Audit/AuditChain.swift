internal import Foundation
internal import TiltsTLS

/// The audit log's hash chain: how a row is encoded and hashed. Pure; use anywhere.
///
/// `hash(n) = SHA-256(hash(n-1) ‖ canonical(row n))`, with 32 zero bytes before the first row.
/// The canonical encoding is versioned and unambiguous: integers big-endian of fixed width, texts
/// UTF-8 with a 4-byte length, the record ids as a count followed by each id. Every column except
/// the hash itself is covered, the sequence number included, so editing, reordering or deleting a
/// row changes the hashes from that row on.
enum AuditChain {
    /// The hash "before" the first row.
    static let genesis = [UInt8](repeating: 0, count: 32)
    static let version: UInt8 = 1

    /// The canonical bytes of a row (everything but its hash).
    static func canonical(
        seq: Int64, atMicros: Int64, subject: String, institution: Int32, municipality: String, method: String,
        recordIDs: [String], status: Int32, durationMicros: Int64, requestID: String
    ) -> [UInt8] {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(128)
        append(UInt64(bitPattern: seq), &bytes)
        append(UInt64(bitPattern: atMicros), &bytes)
        append(subject, &bytes)
        append(UInt32(bitPattern: institution), &bytes)
        append(municipality, &bytes)
        append(method, &bytes)
        append(UInt32(recordIDs.count), &bytes)
        for id in recordIDs { append(id, &bytes) }
        append(UInt32(bitPattern: status), &bytes)
        append(UInt64(bitPattern: durationMicros), &bytes)
        append(requestID, &bytes)
        return bytes
    }

    static func canonical(_ record: AuditRecord) -> [UInt8] {
        canonical(
            seq: record.seq, atMicros: record.atMicros, subject: record.subject, institution: record.institution,
            municipality: record.municipality, method: record.method, recordIDs: record.recordIDList,
            status: record.status, durationMicros: record.durationMicros, requestID: record.requestID)
    }

    /// The hash of a row given the hash of the row before it.
    static func hash(previous: [UInt8], canonical: [UInt8]) -> [UInt8] {
        Digest.sha256(previous + canonical)
    }

    /// The row that follows a chain whose last row has `seq` and `hash`.
    static func link(_ event: AuditEvent, after previous: (seq: Int64, hash: [UInt8])) -> AuditRecord {
        linkWithIDs(event, after: previous).record
    }

    /// ``link(_:after:)`` with the record ids as stored, for the record index.
    static func linkWithIDs(
        _ event: AuditEvent, after previous: (seq: Int64, hash: [UInt8])
    ) -> (record: AuditRecord, ids: [String]) {
        let seq = previous.seq + 1
        // Record ids are single tokens (UUIDs); an id with a space is kept without its spaces.
        let ids = event.recordIDs.map { id in
            id.utf8.contains(0x20) ? String(id.filter { $0 != " " }) : id
        }.filter { !$0.isEmpty }
        let bytes = canonical(
            seq: seq, atMicros: event.atMicros, subject: event.subject, institution: event.institution,
            municipality: event.municipality, method: event.method, recordIDs: ids, status: event.status,
            durationMicros: event.durationMicros, requestID: event.requestID)
        let record = AuditRecord(
            seq: seq, atMicros: event.atMicros, subject: event.subject, institution: event.institution,
            municipality: event.municipality, method: event.method, recordIDs: ids.joined(separator: " "),
            status: event.status, durationMicros: event.durationMicros, requestID: event.requestID,
            hash: Data(hash(previous: previous.hash, canonical: bytes)))
        return (record, ids)
    }

    /// Checks rows fed in sequence order from the first: each must follow the last one checked.
    struct Verifier {
        /// The last row that checked out (sequence 0 and the genesis hash before the first).
        private(set) var previous: (seq: Int64, hash: [UInt8]) = (0, genesis)
        private(set) var checked: Int64 = 0

        /// - Returns: nil when `record` follows the chain, else the first broken sequence and the problem.
        mutating func check(_ record: AuditRecord) -> (seq: Int64, problem: String)? {
            let expected = previous.seq + 1
            guard record.seq == expected else {
                return (expected, record.seq > expected
                    ? "entries \(expected)…\(record.seq - 1) are missing"
                    : "entry \(record.seq) is out of order")
            }
            let computed = hash(previous: previous.hash, canonical: canonical(record))
            guard Array(record.hash) == computed else {
                return (record.seq, "entry \(record.seq) does not match its hash: it or the entry before it was changed")
            }
            previous = (record.seq, computed)
            checked += 1
            return nil
        }
    }

    private static func append(_ value: UInt64, _ bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func append(_ value: UInt32, _ bytes: inout [UInt8]) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private static func append(_ text: String, _ bytes: inout [UInt8]) {
        append(UInt32(text.utf8.count), &bytes)
        bytes.append(contentsOf: text.utf8)
    }
}
