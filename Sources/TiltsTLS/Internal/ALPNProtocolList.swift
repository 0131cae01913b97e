/// An immutable list of ALPN protocol names, in preference order, with its wire encoding.
///
/// Shared (read-only) by a ``TLSContext`` and the server-side select callback, which may run on
/// any event loop: it is `Sendable` because it never changes after `init`.
final class ALPNProtocolList: Sendable {
    /// The names as bytes, most preferred first.
    let protocols: [[UInt8]]
    /// The `protocol-name-list` wire format (each name prefixed by a one-byte length).
    let wireFormat: [UInt8]

    var isEmpty: Bool { self.protocols.isEmpty }

    /// - Throws: ``TLSError`` when a name is empty or longer than 255 bytes.
    init(_ names: [String]) throws(TLSError) {
        var protocols: [[UInt8]] = []
        var wire: [UInt8] = []
        for name in names {
            let bytes = Array(name.utf8)
            guard (1...255).contains(bytes.count) else {
                throw TLSError(
                    code: .invalidConfiguration,
                    message: "ALPN protocol name must be 1 to 255 bytes long, got \(bytes.count): \"\(name)\""
                )
            }
            protocols.append(bytes)
            wire.append(UInt8(bytes.count))
            wire.append(contentsOf: bytes)
        }
        self.protocols = protocols
        self.wireFormat = wire
    }

    /// Picks our most preferred protocol that the peer offered.
    ///
    /// - Parameter offered: the client's list in wire format.
    /// - Returns: the offset and length of the chosen name inside `offered`, or `nil` when there
    ///   is no overlap or the list is malformed.
    func select(from offered: UnsafeRawBufferPointer) -> (offset: Int, length: Int)? {
        for candidate in self.protocols {
            var index = 0
            while index < offered.count {
                let length = Int(offered[index])
                let start = index + 1
                guard length > 0, start + length <= offered.count else { return nil }
                if length == candidate.count,
                    candidate.withUnsafeBytes({ $0.elementsEqual(UnsafeRawBufferPointer(rebasing: offered[start..<(start + length)])) })
                {
                    return (start, length)
                }
                index = start + length
            }
        }
        return nil
    }
}
