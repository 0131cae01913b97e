/// The declarative description of a message type: one ``Field`` per `.proto` field.
///
/// A message declares its table once, as a `static let`, and the table alone drives binary
/// encoding and decoding, proto3 JSON, and reflection:
///
/// ```swift
/// public static let fieldTable = FieldTable<Self>([
///     .string(1, "service", \.service),
/// ])
/// ```
///
/// The initializer sorts fields by number (the order they are encoded in) and builds lookup
/// indexes by number and by JSON and proto name. Duplicate numbers or names are programming
/// errors and stop the process when the table is first used.
///
/// A table is immutable and `Sendable`; use it from any thread.
public struct FieldTable<M: Message>: Sendable {
    /// The fields in field-number order.
    let fields: [Field<M>]
    /// `denseIndex[n]` is the index of field `n` plus one, or 0; covers small field numbers.
    private let denseIndex: [UInt16]
    /// Field numbers too large for `denseIndex`.
    private let sparseIndex: [UInt32: Int]
    /// JSON names and proto names to field index.
    let nameIndex: [String: Int]
    /// A hand-written JSON form (well-known types such as `Timestamp`).
    let customJSON: CustomJSON<M>?

    /// Creates a table from the message's fields, in any order.
    public init(_ fields: [Field<M>]) {
        self.init(fields, customJSON: nil)
    }

    init(_ fields: [Field<M>], customJSON: CustomJSON<M>?) {
        let sorted = fields.sorted { $0.number < $1.number }
        self.fields = sorted
        self.customJSON = customJSON
        let denseLimit = min(Int(sorted.last?.number ?? 0), 1024)
        var dense = [UInt16](repeating: 0, count: denseLimit + 1)
        var sparse: [UInt32: Int] = [:]
        var names: [String: Int] = [:]
        for (index, field) in sorted.enumerated() {
            let number = Int(field.number)
            precondition(
                index == 0 || sorted[index - 1].number != field.number,
                "\(M.protoMessageName): field number \(number) declared twice")
            if number <= denseLimit { dense[number] = UInt16(index + 1) } else { sparse[field.number] = index }
            for name in Set([field.descriptor.name, field.descriptor.jsonName]) {
                precondition(names[name] == nil, "\(M.protoMessageName): field name \(name) declared twice")
                names[name] = index
            }
        }
        denseIndex = dense
        sparseIndex = sparse
        nameIndex = names
    }

    /// What each field is, in field-number order: number, names, kind, label, type name, oneof.
    public var descriptors: [FieldDescriptor] { fields.map(\.descriptor) }

    /// The field with `number`, if the table declares one.
    @inline(__always)
    func field(number: UInt32) -> Field<M>? {
        if Int(number) < denseIndex.count {
            let slot = Int(denseIndex[Int(number)])
            return slot == 0 ? nil : fields[slot - 1]
        }
        return sparseIndex[number].map { fields[$0] }
    }
}

/// A hand-written proto3 JSON mapping that replaces the field-by-field object form.
struct CustomJSON<M>: Sendable {
    let write: @Sendable (M, inout JSONWriter) -> Void
    let read: @Sendable (JSONValue) throws -> M
}

extension WireError {
    /// This error with the message type and field it occurred in prefixed to the message.
    func within(_ typeName: String, _ fieldName: String) -> WireError {
        WireError(code: code, message: "\(typeName).\(fieldName): \(message)")
    }
}
