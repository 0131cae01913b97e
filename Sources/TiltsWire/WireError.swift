/// An error thrown while decoding protobuf binary data or proto3 JSON.
///
/// `WireError` is the one error type of TiltsWire. Its ``code`` says what went wrong in a way
/// callers can switch on; its ``message`` names the message type, field and byte offset (or JSON
/// path) for people reading logs. New codes may be added without breaking callers, because
/// ``Code`` is a struct wrapping a private enum.
///
/// Decoding never traps on hostile input: every malformed input surfaces as a `WireError`.
/// `WireError` is a value type and may be used from any thread.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure occurred.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case truncated
            case overlongVarint
            case invalidFieldNumber
            case invalidWireType
            case groupNotSupported
            case wrongWireType
            case lengthOutOfBounds
            case nestingTooDeep
            case invalidUTF8
            case invalidJSON
            case unknownJSONField
            case invalidJSONValue
            case duplicateJSONField
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The input ended in the middle of a tag, value or length-delimited field.
        public static let truncated = Code(.truncated)
        /// A varint ran past 10 bytes.
        public static let overlongVarint = Code(.overlongVarint)
        /// A tag carried field number 0 or a number above 536,870,911.
        public static let invalidFieldNumber = Code(.invalidFieldNumber)
        /// A tag carried wire type 6 or 7, which do not exist.
        public static let invalidWireType = Code(.invalidWireType)
        /// A tag carried wire type 3 or 4 (groups), which TiltsWire does not support.
        public static let groupNotSupported = Code(.groupNotSupported)
        /// A known field arrived with a wire type that does not match its declared type.
        public static let wrongWireType = Code(.wrongWireType)
        /// A length prefix pointed past the end of the enclosing buffer.
        public static let lengthOutOfBounds = Code(.lengthOutOfBounds)
        /// Messages (or JSON values) were nested more than 100 levels deep.
        public static let nestingTooDeep = Code(.nestingTooDeep)
        /// A `string` field held bytes that are not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// The JSON text is not well-formed JSON.
        public static let invalidJSON = Code(.invalidJSON)
        /// A JSON object named a field the message does not declare.
        public static let unknownJSONField = Code(.unknownJSONField)
        /// A JSON value had the wrong type or was out of range for its field.
        public static let invalidJSONValue = Code(.invalidJSONValue)
        /// A JSON object set the same field (or two members of one oneof) twice.
        public static let duplicateJSONField = Code(.duplicateJSONField)

        public var description: String { wrapped.rawValue }
    }

    /// What kind of failure occurred.
    public var code: Code
    /// A human-readable explanation naming the message type, field and offset or JSON path.
    public var message: String

    /// Creates an error with a code and an explanation.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "WireError.\(code): \(message)" }
}

extension WireError {
    /// The deepest nesting of messages (and of JSON containers) that decoding accepts.
    public static let maximumDepth = 100
}
