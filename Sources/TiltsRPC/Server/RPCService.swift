/// A gRPC service implementation: the methods it serves.
///
/// Each Tilts service (and health, and the interop test service) conforms and lists its methods
/// with the typed ``ServerMethod`` constructors.
public protocol RPCService: Sendable {
    /// Every method of the service.
    var methods: [ServerMethod] { get }
}

/// Finds the method for a request's `:path`.
///
/// Built once when the server starts; immutable, so any thread may use it.
///
/// A router may have a `fallback`: a method that serves every well-formed `/service/method` path
/// no service registered (the gateway's proxy). The fallback's `run` is reused for each such path
/// with the path's own descriptor, so a handler reads the real method from its context.
public struct RPCRouter: Sendable {
    private let table: [String: ServerMethod]
    private let fallback: ServerMethod?

    /// Collects the methods of `services`; a later duplicate path replaces an earlier one.
    /// - Parameter fallback: serves paths no service registered; nil answers them UNIMPLEMENTED.
    public init(services: [any RPCService], fallback: ServerMethod? = nil) {
        var table: [String: ServerMethod] = [:]
        for service in services {
            for method in service.methods {
                table[method.descriptor.path] = method
            }
        }
        self.table = table
        self.fallback = fallback
    }

    /// The method registered for a `:path`; else the fallback (with the path's descriptor) when
    /// the path has the form `/service/method`; else nil (the server answers UNIMPLEMENTED).
    public func method(forPath path: String) -> ServerMethod? {
        if let method = table[path] { return method }
        guard let fallback, let descriptor = Self.descriptor(path) else { return nil }
        return ServerMethod(descriptor: descriptor, kind: fallback.kind, run: fallback.run)
    }

    /// `MethodDescriptor(path:)` without its general splitting: this runs for every proxied call.
    private static func descriptor(_ path: String) -> MethodDescriptor? {
        let utf8 = path.utf8
        guard utf8.first == UInt8(ascii: "/") else { return nil }
        let afterSlash = utf8.index(after: utf8.startIndex)
        guard let separator = utf8[afterSlash...].firstIndex(of: UInt8(ascii: "/")), separator != afterSlash else {
            return nil
        }
        let methodStart = utf8.index(after: separator)
        guard methodStart != utf8.endIndex, !utf8[methodStart...].contains(UInt8(ascii: "/")) else { return nil }
        return MethodDescriptor(service: String(path[afterSlash..<separator]), method: String(path[methodStart...]))
    }

    /// Every registered path, sorted (the fallback's are not listed).
    public var paths: [String] { table.keys.sorted() }
}
