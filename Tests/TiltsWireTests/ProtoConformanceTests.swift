internal import Testing
internal import TiltsMessages
internal import TiltsWire

/// Holds the hand-written Swift field tables equal to the `.proto` files they mirror, via the
/// descriptor summary `Fixtures/make_golden.py` compiles from `Proto/` and `golden.proto`.
@Suite("Swift field tables match the .proto descriptors")
struct ProtoConformanceTests {
    static let tiltsTypes: [any Message.Type] = TiltsMessageRegistry.all
    static let goldenTypes: [any Message.Type] = GoldenRegistry.all

    @Test("Every TiltsMessages type matches its descriptor", arguments: tiltsTypes.map(TypeCase.init))
    func tiltsMessagesMatch(_ type: TypeCase) throws {
        try expectMatches(type.type)
    }

    @Test("Every golden test type matches its descriptor", arguments: goldenTypes.map(TypeCase.init))
    func goldenTypesMatch(_ type: TypeCase) throws {
        try expectMatches(type.type)
    }

    @Test("Every message of a package TiltsMessages covers has a Swift type in the registry")
    func packagesAreComplete() throws {
        let swiftNames = Set(Self.tiltsTypes.map { $0.protoMessageName })
        #expect(swiftNames.contains("grpc.health.v1.HealthCheckRequest"))
        let descriptors = try Fixtures.descriptors()
        for name in swiftNames {
            let package = try #require(descriptors[name].map { _ in Self.package(of: name, in: descriptors) })
            let missing = descriptors.keys.filter { Self.package(of: $0, in: descriptors) == package && !swiftNames.contains($0) }
            #expect(missing.isEmpty, "\(package) messages without a Swift type in TiltsMessageRegistry: \(missing.sorted())")
        }
    }

    /// The proto package of a message: its name minus the type names (nested types included).
    static func package(of name: String, in descriptors: [String: Fixtures.DescriptorMessage]) -> String {
        var parts = name.split(separator: ".").map(String.init)
        parts.removeLast()
        // Strip enclosing message names (nested types), which are themselves messages.
        while !parts.isEmpty, descriptors[parts.joined(separator: ".")] != nil { parts.removeLast() }
        return parts.joined(separator: ".")
    }

    @Test("The check notices a field table that differs from its descriptor")
    func mismatchIsDetected() throws {
        let descriptors = try Fixtures.descriptors()
        // Nested's table checked against Everything's descriptor must not pass.
        let wrong = try #require(descriptors[Everything.protoMessageName])
        #expect(Self.summary(of: Nested.self) != wrong.fields)
    }

    private func expectMatches(_ type: any Message.Type) throws {
        let descriptors = try Fixtures.descriptors()
        let expected = try #require(
            descriptors[type.protoMessageName], "\(type.protoMessageName) is not defined in Proto/ or golden.proto")
        let actual = Self.summary(of: type)
        #expect(actual.map(\.number) == expected.fields.map(\.number), "field numbers of \(type.protoMessageName)")
        for (ours, theirs) in zip(actual, expected.fields) {
            #expect(ours == theirs, "\(type.protoMessageName): Swift `\(ours)` vs .proto `\(theirs)`")
        }
    }

    /// The Swift table in the descriptor-summary shape.
    static func summary(of type: any Message.Type) -> [Fixtures.DescriptorField] {
        type.fieldDescriptors.map { field in
            Fixtures.DescriptorField(
                number: field.number, name: field.name, json_name: field.jsonName, type: field.kind.rawValue,
                label: field.label.rawValue, type_name: field.typeName, oneof: field.oneof,
                map_key: field.mapKey?.rawValue, map_value: field.mapValue?.rawValue, packed: field.isPacked)
        }.sorted { $0.number < $1.number }
    }
}

/// A message type as a test argument, shown by its proto name.
struct TypeCase: Sendable, CustomTestStringConvertible {
    let type: any Message.Type
    init(_ type: any Message.Type) { self.type = type }
    var testDescription: String { type.protoMessageName }
}
