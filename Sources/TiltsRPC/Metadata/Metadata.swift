/// gRPC metadata: an ordered list of key-value pairs sent as HTTP/2 headers.
///
/// Keys are lower-case ASCII. Keys ending in `-bin` carry binary values (base64 on the wire);
/// all others carry printable ASCII text. A key may repeat.
public struct Metadata: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One value: text, or bytes for a `-bin` key.
    public enum Value: Hashable, Sendable {
        case string(String)
        case binary([UInt8])
    }

    public typealias Element = (key: String, value: Value)

    private var entries: [Element] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Value)...) {
        for (key, value) in elements { add(key, value) }
    }

    /// Appends a text value.
    public mutating func add(_ key: String, _ value: String) {
        entries.append((key.lowercased(), .string(value)))
    }

    /// Appends a binary value; the key should end in `-bin`.
    public mutating func add(_ key: String, _ bytes: [UInt8]) {
        entries.append((key.lowercased(), .binary(bytes)))
    }

    public mutating func add(_ key: String, _ value: Value) {
        entries.append((key.lowercased(), value))
    }

    /// Appends an entry whose key is known to be lower-case already (HTTP/2 guarantees it).
    mutating func appendLowercased(_ key: String, _ value: Value) {
        entries.append((key, value))
    }

    /// Appends every entry of `other`.
    public mutating func add(contentsOf other: Metadata) {
        entries.append(contentsOf: other.entries)
    }

    /// Removes every value for `key`.
    public mutating func removeAll(_ key: String) {
        let key = key.lowercased()
        entries.removeAll { $0.key == key }
    }

    /// The first text value for `key`.
    public func first(_ key: String) -> String? {
        let key = key.lowercased()
        for entry in entries where entry.key == key {
            if case .string(let value) = entry.value { return value }
        }
        return nil
    }

    /// The first binary value for `key`.
    public func firstBinary(_ key: String) -> [UInt8]? {
        let key = key.lowercased()
        for entry in entries where entry.key == key {
            if case .binary(let value) = entry.value { return value }
        }
        return nil
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    public func makeIterator() -> IndexingIterator<[Element]> {
        entries.makeIterator()
    }

    public static func == (lhs: Metadata, rhs: Metadata) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
