public import TiltsWire

/// `tilts.common.v1.PageRequest`: the pagination fields shared by list methods.
///
/// `page_size` 0 means the service's default; `page_token` is the opaque token of the previous
/// page's response, empty for the first page. Mirrors `Proto/tilts/common/v1/common.proto`.
/// A value type; safe from any thread.
public struct PageRequest: Message {
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(pageSize: Int32, pageToken: String = "") {
        self.pageSize = pageSize
        self.pageToken = pageToken
    }

    public static let protoMessageName = "tilts.common.v1.PageRequest"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "page_size", \.pageSize),
        .string(2, "page_token", \.pageToken),
    ])
}
