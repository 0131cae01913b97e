internal import Foundation
internal import Synchronization
internal import TiltsMessages
internal import TiltsWire

/// The principals of mTLS clients, by verified certificate subject, from a JSON file.
///
/// The file (config `client_principals`) maps each subject, as OpenSSL prints it in RFC 2253 form,
/// to a `tilts.common.v1.Principal` in proto3 JSON:
///
/// ```json
/// { "CN=riga-sd.example.lv,O=Rigas domes Labklajibas departaments":
///     { "institution": "SOCIAL_SERVICE", "municipality": "riga", "displayName": "Rīgas SD" } }
/// ```
///
/// The principal's `subject` is set to `cert:<subject>`. A certificate that verified against the CA
/// but is not listed authenticates no one. ``reload()`` (on SIGHUP) reads the file again. Thread-safe.
final class ClientCertificatePrincipals: Sendable {
    struct Entry: Sendable {
        var principal: Principal
        var principalBytes: [UInt8]
    }

    let path: String?
    private let entries: Mutex<[String: Entry]>

    /// - Throws: ``GatewaySettingsError`` when the file cannot be read or a principal is invalid.
    init(path: String?) throws {
        self.path = path
        self.entries = Mutex(try path.map(Self.load) ?? [:])
    }

    /// Entries given directly (tests).
    init(principals: [String: Principal]) {
        self.path = nil
        var map: [String: Entry] = [:]
        for (subject, principal) in principals { map[subject] = Self.entry((subject, principal)) }
        self.entries = Mutex(map)
    }

    func principal(forSubject subject: String) -> Entry? {
        entries.withLock { $0[subject] }
    }

    var count: Int { entries.withLock { $0.count } }

    /// Reads the file again; on failure the previous entries stay.
    func reload() throws {
        guard let path else { return }
        let fresh = try Self.load(path)
        entries.withLock { $0 = fresh }
    }

    static func load(_ path: String) throws -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw GatewaySettingsError("client_principals: \(path) is not a readable JSON object of subject → principal")
        }
        var entries: [String: Entry] = [:]
        for (subject, value) in object {
            guard JSONSerialization.isValidJSONObject(value), let json = try? JSONSerialization.data(withJSONObject: value),
                let principal = try? Principal(jsonString: String(decoding: json, as: UTF8.self))
            else {
                throw GatewaySettingsError("client_principals: the principal of '\(subject)' is not a tilts.common.v1.Principal in JSON")
            }
            try GatewaySettings.validate(principal, what: "client_principals '\(subject)'")
            entries[subject] = entry((subject, principal))
        }
        return entries
    }

    private static func entry(_ pair: (String, Principal)) -> Entry {
        var principal = pair.1
        principal.subject = "cert:\(pair.0)"
        return Entry(principal: principal, principalBytes: principal.serializedBytes())
    }
}
