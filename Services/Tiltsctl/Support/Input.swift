internal import ArgumentParser
internal import Foundation
internal import TiltsWire

/// Reading larger requests from JSON files (the proto3 JSON mapping) and other input helpers.
enum Input {
    /// The message in proto3 JSON at `path` (`-` for standard input).
    /// - Throws: ``ValidationError`` naming the file and what is wrong with it.
    static func message<M: Message>(_ type: M.Type, from path: String) throws -> M {
        let text = try text(path)
        do {
            return try M(jsonString: text)
        } catch {
            throw ValidationError("\(path) is not a valid \(M.protoMessageName) in proto3 JSON: \(error)")
        }
    }

    static func text(_ path: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(path)")
        }
        return text
    }

    /// A fresh idempotency key, unless the user gave one.
    static func requestID(_ given: String?) -> String {
        given ?? UUID().uuidString.lowercased()
    }

    /// An enum value by its proto name, case-insensitively, with or without the enum's prefix.
    static func enumValue<E: ProtoEnum>(_ type: E.Type, _ text: String, prefix: String = "") -> E? {
        let name = text.uppercased().replacingOccurrences(of: "-", with: "_")
        return E(protoName: name) ?? E(protoName: prefix + name)
    }

    /// Parses a list of enum names, or fails naming the allowed ones.
    static func enumValues<E: ProtoEnum>(_ type: E.Type, _ texts: [String], option: String, prefix: String = "") throws -> [E] {
        try texts.map { text in
            guard let value = enumValue(E.self, text, prefix: prefix) else {
                let allowed = E.nameTable.dropFirst().map(\.1).joined(separator: ", ")
                throw ValidationError("\(option) must be one of \(allowed), not '\(text)'")
            }
            return value
        }
    }
}

extension Optional where Wrapped == Timestamp {
    /// RFC 3339 text, or empty.
    var text: String { self?.rfc3339 ?? "" }
}
