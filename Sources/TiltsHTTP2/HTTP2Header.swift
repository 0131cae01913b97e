/// One HTTP/2 header field, as it travels in a HEADERS frame.
///
/// Names are lower-case (HTTP/2 requires it); pseudo-headers start with `:`. Values are kept as
/// strings: gRPC's binary metadata is base64 text on the wire, so every field is text at this layer.
public struct HTTP2Header: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTP2Header {
    /// The value of the first field with this name, if any.
    public func first(_ name: String) -> String? {
        for header in self where header.name == name { return header.value }
        return nil
    }
}
