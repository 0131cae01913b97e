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
public struct RPCRouter: Sendable {
    private let table: [String: ServerMethod]

    /// Collects the methods of `services`; a later duplicate path replaces an earlier one.
    public init(services: [any RPCService]) {
        var table: [String: ServerMethod] = [:]
        for service in services {
            for method in service.methods {
                table[method.descriptor.path] = method
            }
        }
        self.table = table
    }

    /// The method registered for a `:path`, or nil (the server answers UNIMPLEMENTED).
    public func method(forPath path: String) -> ServerMethod? {
        table[path]
    }

    /// Every registered path, sorted.
    public var paths: [String] { table.keys.sorted() }
}
