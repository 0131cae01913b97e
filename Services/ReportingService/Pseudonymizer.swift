internal import Foundation
internal import TiltsTLS

/// Turns the other services' referral and case ids into the analytical store's pseudonymous keys:
/// HMAC-SHA-256 of the id's UTF-8 bytes under the configured `pseudonym_secret`.
///
/// The key is stable (the same id always gives the same key, so facts from the three streams meet
/// on it) and cannot be turned back into the id, or linked to the other stores, without the secret.
/// The secret lives only in configuration; it is never stored, logged or printed (``description``
/// hides it). Referral ids and case ids are distinct UUIDs, so one function serves both.
///
/// Immutable; safe from any thread.
struct Pseudonymizer: Sendable, CustomStringConvertible {
    private let secret: HMACKey

    /// - Precondition: `secret` is not empty (the settings refuse to start without one).
    init(secret: [UInt8]) {
        precondition(!secret.isEmpty, "the pseudonym secret must not be empty")
        self.secret = HMACKey(secret: secret)
    }

    /// The 32-byte key of `id`.
    func key(_ id: String) -> Data {
        Data(secret.mac(id.utf8))
    }

    var description: String { "Pseudonymizer(secret: <hidden>)" }
}
