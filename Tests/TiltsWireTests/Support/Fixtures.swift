internal import Foundation
@testable internal import TiltsWire

/// Loads the committed files under `Fixtures/` (see `Fixtures/make_golden.py`).
enum Fixtures {
    struct GoldenCase: Decodable, Sendable {
        let name: String
        let hex: String
        let json: String
        let json_proto_names: String

        var bytes: [UInt8] { Hex.decode(hex) }
    }

    struct DescriptorField: Decodable, Equatable, Sendable, CustomStringConvertible {
        let number: Int
        let name: String
        let json_name: String
        let type: String
        let label: String
        let type_name: String?
        let oneof: String?
        let map_key: String?
        let map_value: String?
        let packed: Bool

        init(
            number: Int, name: String, json_name: String, type: String, label: String, type_name: String?,
            oneof: String?, map_key: String?, map_value: String?, packed: Bool
        ) {
            self.number = number
            self.name = name
            self.json_name = json_name
            self.type = type
            self.label = label
            self.type_name = type_name
            self.oneof = oneof
            self.map_key = map_key
            self.map_value = map_value
            self.packed = packed
        }

        var description: String {
            "\(label) \(type)\(map_key.map { "<\($0), \(map_value ?? "?")>" } ?? "") \(type_name ?? "") "
                + "\(name) = \(number) json=\(json_name) oneof=\(oneof ?? "-") packed=\(packed)"
        }
    }

    struct DescriptorMessage: Decodable, Sendable {
        let fields: [DescriptorField]
    }

    static func data(_ name: String) throws -> Data {
        if let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) {
            return try Data(contentsOf: url)
        }
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: here.appendingPathComponent("Fixtures").appendingPathComponent(name))
    }

    static func goldenCases() throws -> [GoldenCase] {
        struct File: Decodable { let cases: [GoldenCase] }
        return try JSONDecoder().decode(File.self, from: data("golden.json")).cases
    }

    static func descriptors() throws -> [String: DescriptorMessage] {
        struct File: Decodable { let messages: [String: DescriptorMessage] }
        return try JSONDecoder().decode(File.self, from: data("proto-descriptors.json")).messages
    }

    /// Whether two JSON texts hold the same value (member order and number spelling ignored).
    static func sameJSON(_ a: String, _ b: String) throws -> Bool {
        same(try JSONParser.parse(a), try JSONParser.parse(b))
    }

    private static func same(_ x: JSONValue, _ y: JSONValue) -> Bool {
        switch (x, y) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)):
            guard let p = Double(a), let q = Double(b) else { return false }
            return p == q && p.sign == q.sign
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.contains { $0.key == member.key && same($0.value, member.value) } }
        default: return false
        }
    }
}

enum Hex {
    static func decode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(UInt8(nibble(high) << 4 | nibble(low)))
        }
        return bytes
    }

    static func encode(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    private static func nibble(_ c: UInt8) -> UInt8 {
        c <= UInt8(ascii: "9") ? c - UInt8(ascii: "0") : (c | 0x20) - UInt8(ascii: "a") + 10
    }
}
