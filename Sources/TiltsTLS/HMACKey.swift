internal import COpenSSL

/// An HMAC-SHA-256 key prepared once for many MACs: the key's inner and outer pads are hashed at
/// creation, so each ``mac(_:)`` hashes only the message (about a tenth of the one-shot
/// ``Digest/hmacSHA256(key:message:)`` for short messages such as ids).
///
/// Immutable after creation; safe from any thread (each MAC works on its own copy of the
/// prepared state). The prepared state is wiped when the key is released.
public final class HMACKey: @unchecked Sendable {
    private let state: UnsafeMutablePointer<tilts_hmac_sha256_key>

    /// Prepares `secret` (any length; longer than 64 bytes is hashed first, as RFC 2104 says).
    public init(secret: [UInt8]) {
        state = .allocate(capacity: 1)
        secret.withUnsafeBufferPointer { bytes in
            tilts_hmac_sha256_key_init(state, bytes.baseAddress, bytes.count)
        }
    }

    deinit {
        OPENSSL_cleanse(state, MemoryLayout<tilts_hmac_sha256_key>.size)
        state.deallocate()
    }

    /// HMAC-SHA-256 of `message` (32 bytes).
    public func mac(_ message: some Collection<UInt8>) -> [UInt8] {
        let out = [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            let done = message.withContiguousStorageIfAvailable { bytes in
                tilts_hmac_sha256(state, bytes.baseAddress, bytes.count, buffer.baseAddress)
            }
            if done == nil {
                let bytes = Array(message)
                bytes.withUnsafeBufferPointer { tilts_hmac_sha256(state, $0.baseAddress, $0.count, buffer.baseAddress) }
            }
            count = 32
        }
        return out
    }
}
