internal import TiltsWire

// Swift mirror of Fixtures/golden.proto (package tilts.wiretest).

struct Color: ProtoEnum {
    var rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }

    static let unspecified = Self(rawValue: 0)
    static let red = Self(rawValue: 1)
    static let green = Self(rawValue: 2)
    static let negative = Self(rawValue: -2)

    static let protoEnumName = "tilts.wiretest.Color"
    static let nameTable: [(Int32, String)] = [(0, "COLOR_UNSPECIFIED"), (1, "RED"), (2, "GREEN"), (-2, "NEGATIVE")]
}

struct Nested: Message {
    var id: Int32 = 0
    var label: String = ""
    var children: [Nested] = []
    var unknownFields = UnknownFields()

    init() {}
    init(id: Int32 = 0, label: String = "", children: [Nested] = []) {
        self.id = id
        self.label = label
        self.children = children
    }

    static let protoMessageName = "tilts.wiretest.Nested"
    static let fieldTable = FieldTable<Self>([
        .int32(1, "id", \.id),
        .string(2, "label", \.label),
        .repeated(3, "children", \.children, .message),
    ])
}

struct Everything: Message {
    enum Choice: Sendable, Equatable {
        case oString(String)
        case oNested(Nested)
        case oInt64(Int64)
    }

    var fInt32: Int32 = 0
    var fInt64: Int64 = 0
    var fUint32: UInt32 = 0
    var fUint64: UInt64 = 0
    var fSint32: Int32 = 0
    var fSint64: Int64 = 0
    var fFixed32: UInt32 = 0
    var fFixed64: UInt64 = 0
    var fSfixed32: Int32 = 0
    var fSfixed64: Int64 = 0
    var fFloat: Float = 0
    var fDouble: Double = 0
    var fBool = false
    var fString = ""
    var fBytes: [UInt8] = []
    var fColor = Color.unspecified
    var fNested: Nested?

    var rInt32: [Int32] = []
    var rSint64: [Int64] = []
    var rFixed32: [UInt32] = []
    var rDouble: [Double] = []
    var rBool: [Bool] = []
    var rColor: [Color] = []
    var rString: [String] = []
    var rBytes: [[UInt8]] = []
    var rNested: [Nested] = []
    var rUnpackedInt32: [Int32] = []
    var rUnpackedUint64: [UInt64] = []

    var mStringInt32: [String: Int32] = [:]
    var mInt64Nested: [Int64: Nested] = [:]
    var mBoolString: [Bool: String] = [:]
    var mSint32Color: [Int32: Color] = [:]

    var choice: Choice?

    var optInt32: Int32?
    var optString: String?
    var optColor: Color?

    var fTimestamp: Timestamp?
    var rTimestamp: [Timestamp] = []

    var fRenamed: Int32 = 0
    var fMaxNumber: Int32 = 0

    var unknownFields = UnknownFields()

    init() {}

    static let protoMessageName = "tilts.wiretest.Everything"
    static let fieldTable = FieldTable<Self>([
        .int32(1, "f_int32", \.fInt32),
        .int64(2, "f_int64", \.fInt64),
        .uint32(3, "f_uint32", \.fUint32),
        .uint64(4, "f_uint64", \.fUint64),
        .sint32(5, "f_sint32", \.fSint32),
        .sint64(6, "f_sint64", \.fSint64),
        .fixed32(7, "f_fixed32", \.fFixed32),
        .fixed64(8, "f_fixed64", \.fFixed64),
        .sfixed32(9, "f_sfixed32", \.fSfixed32),
        .sfixed64(10, "f_sfixed64", \.fSfixed64),
        .float(11, "f_float", \.fFloat),
        .double(12, "f_double", \.fDouble),
        .bool(13, "f_bool", \.fBool),
        .string(14, "f_string", \.fString),
        .bytes(15, "f_bytes", \.fBytes),
        .enum(16, "f_color", \.fColor),
        .message(17, "f_nested", \.fNested),

        .repeated(21, "r_int32", \.rInt32, .int32),
        .repeated(22, "r_sint64", \.rSint64, .sint64),
        .repeated(23, "r_fixed32", \.rFixed32, .fixed32),
        .repeated(24, "r_double", \.rDouble, .double),
        .repeated(25, "r_bool", \.rBool, .bool),
        .repeated(26, "r_color", \.rColor, .enum),
        .repeated(27, "r_string", \.rString, .string),
        .repeated(28, "r_bytes", \.rBytes, .bytes),
        .repeated(29, "r_nested", \.rNested, .message),
        .repeated(30, "r_unpacked_int32", \.rUnpackedInt32, .int32, packed: false),
        .repeated(31, "r_unpacked_uint64", \.rUnpackedUint64, .uint64, packed: false),

        .map(40, "m_string_int32", \.mStringInt32, key: .string, value: .int32),
        .map(41, "m_int64_nested", \.mInt64Nested, key: .int64, value: .message),
        .map(42, "m_bool_string", \.mBoolString, key: .bool, value: .string),
        .map(43, "m_sint32_color", \.mSint32Color, key: .sint32, value: .enum),

        .oneof(50, "o_string", \.choice, in: "choice", .string, Choice.oString) { if case .oString(let v) = $0 { v } else { nil } },
        .oneof(51, "o_nested", \.choice, in: "choice", .message, Choice.oNested) { if case .oNested(let v) = $0 { v } else { nil } },
        .oneof(52, "o_int64", \.choice, in: "choice", .int64, Choice.oInt64) { if case .oInt64(let v) = $0 { v } else { nil } },

        .optional(60, "opt_int32", \.optInt32, .int32),
        .optional(61, "opt_string", \.optString, .string),
        .optional(62, "opt_color", \.optColor, .enum),

        .message(70, "f_timestamp", \.fTimestamp),
        .repeated(71, "r_timestamp", \.rTimestamp, .message),

        .int32(80, "f_renamed", \.fRenamed, json: "customName"),
        .int32(536_870_911, "f_max_number", \.fMaxNumber),
    ])
}

/// The golden.proto types the conformance test holds to Fixtures/proto-descriptors.json.
enum GoldenRegistry {
    static let all: [any Message.Type] = [Nested.self, Everything.self, Timestamp.self]
}
