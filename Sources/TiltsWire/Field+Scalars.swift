// Shorthands for singular scalar fields: `.int32(2, "response_size", \.responseSize)` is
// `.singular(2, "response_size", \.responseSize, .int32)`.

extension Field {
    /// `int32 name = number;`
    public static func int32(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Int32>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .int32, json: json)
    }
    /// `int64 name = number;` (a string in JSON)
    public static func int64(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Int64>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .int64, json: json)
    }
    /// `uint32 name = number;`
    public static func uint32(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, UInt32>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .uint32, json: json)
    }
    /// `uint64 name = number;` (a string in JSON)
    public static func uint64(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, UInt64>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .uint64, json: json)
    }
    /// `sint32 name = number;` (ZigZag)
    public static func sint32(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Int32>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .sint32, json: json)
    }
    /// `sint64 name = number;` (ZigZag; a string in JSON)
    public static func sint64(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Int64>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .sint64, json: json)
    }
    /// `fixed32 name = number;`
    public static func fixed32(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, UInt32>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .fixed32, json: json)
    }
    /// `fixed64 name = number;` (a string in JSON)
    public static func fixed64(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, UInt64>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .fixed64, json: json)
    }
    /// `sfixed32 name = number;`
    public static func sfixed32(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Int32>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .sfixed32, json: json)
    }
    /// `sfixed64 name = number;` (a string in JSON)
    public static func sfixed64(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Int64>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .sfixed64, json: json)
    }
    /// `float name = number;`
    public static func float(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Float>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .float, json: json)
    }
    /// `double name = number;`
    public static func double(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Double>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .double, json: json)
    }
    /// `bool name = number;`
    public static func bool(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, Bool>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .bool, json: json)
    }
    /// `string name = number;`
    public static func string(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, String>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .string, json: json)
    }
    /// `bytes name = number;` (base64 in JSON)
    public static func bytes(_ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, [UInt8]>, json: String? = nil) -> Field {
        singular(number, name, keyPath, .bytes, json: json)
    }
}
