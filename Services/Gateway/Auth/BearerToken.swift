internal import TiltsRPC
internal import TiltsTLS
internal import TiltsWire

/// The bearer tokens the gateway issues: their format, hashing and how a call presents one.
///
/// A token is `tilts_` followed by 32 random bytes in unpadded base64url (256 bits of entropy). The
/// gateway stores only its SHA-256 hash, so a copy of the store does not let anyone call. Callers
/// send `authorization: Bearer <token>`. Stateless; use anywhere.
enum BearerToken {
    static let prefix = "tilts_"

    /// A new random token.
    /// - Throws: when the system's random generator fails.
    static func mint() throws -> String {
        let bytes = try SecureRandom.bytes(count: 32)
        return prefix + base64url(bytes)
    }

    /// The stored form of a token.
    static func hash(_ token: String) -> [UInt8] {
        Digest.sha256(token)
    }

    /// The token a call presents: nil without an `authorization` header.
    /// - Throws: ``RPCError`` UNAUTHENTICATED when the header is not `Bearer <token>` of our form.
    static func presented(in metadata: Metadata) throws -> String? {
        guard let value = metadata.first("authorization") else { return nil }
        // "Bearer " in any case, then the token (surrounding spaces ignored).
        let bytes = Array(value.utf8)
        let scheme = Array("bearer ".utf8)
        guard bytes.count > scheme.count, zip(bytes, scheme).allSatisfy({ $0 | 0x20 == $1 }) else {
            throw RPCError(code: .unauthenticated, message: "the authorization header must be 'Bearer <token>'")
        }
        var start = scheme.count
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        let token = String(decoding: bytes[start..<end], as: UTF8.self)
        guard token.hasPrefix(prefix), end - start <= 128 else {
            throw RPCError(code: .unauthenticated, message: "the bearer token is not a Tilts gateway token")
        }
        return token
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        String(Base64.encode(bytes).compactMap { character -> Character? in
            switch character {
            case "+": return "-"
            case "/": return "_"
            case "=": return nil
            default: return character
            }
        })
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
