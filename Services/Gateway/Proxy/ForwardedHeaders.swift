internal import TiltsRPC
internal import TiltsStore

/// What the gateway passes on between a caller and a service, and what it keeps back. Pure.
///
/// Request metadata is forwarded except:
/// - every `tilts-*` key, whatever a client sent (`tilts-principal-bin`, `tilts-request-id`, ...):
///   these are the gateway's to set, and services trust them;
/// - `authorization` (the bearer token stays at the gateway) and `user-agent` (set anew).
/// The gateway then adds the verified principal (`tilts-principal-bin`) and its request id
/// (`tilts-request-id`). Response metadata and trailers are relayed unchanged.
enum ForwardedHeaders {
    /// The metadata key of the gateway's request id.
    static let requestIDKey = "tilts-request-id"
    /// The response header services set to the record (referral, case, meeting) a call concerned.
    static let recordIDKey = "tilts-record-id"

    /// Whether a client-sent key is withheld from the service.
    static func isWithheld(_ key: String) -> Bool {
        key.hasPrefix("tilts-") || key == "authorization" || key == "user-agent"
    }

    /// The metadata sent to the service for a call of `caller`.
    static func request(from client: Metadata, principalBytes: [UInt8], requestID: String) -> Metadata {
        var forwarded = Metadata()
        for (key, value) in client where !isWithheld(key) {
            forwarded.add(key, value)
        }
        forwarded.add(PrincipalMetadata.key, principalBytes)
        forwarded.add(requestIDKey, requestID)
        return forwarded
    }

    /// The record ids a service reported, from its response headers and trailers, deduplicated.
    static func recordIDs(_ initial: Metadata, _ trailers: Metadata) -> [String] {
        var ids: [String] = []
        for metadata in [initial, trailers] {
            for (key, value) in metadata where key == recordIDKey {
                guard case .string(let text) = value else { continue }
                if !text.utf8.contains(UInt8(ascii: ",")) && !text.utf8.contains(UInt8(ascii: " ")) {
                    if !text.isEmpty && !ids.contains(text) { ids.append(text) }
                } else {
                    for id in text.split(separator: ",") {
                        let id = id.trimmingSpaces()
                        if !id.isEmpty && !ids.contains(id) { ids.append(id) }
                    }
                }
            }
        }
        return ids
    }
}
