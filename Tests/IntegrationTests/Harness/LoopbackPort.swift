#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A TCP port on 127.0.0.1 that is free now: the kernel picks one for a socket bound to port 0,
/// which is closed again. Another process could take it before the gateway binds it, which on a
/// test machine is unlikely enough; the gateway then fails to start with a clear error.
enum LoopbackPort {
    /// - Throws: ``HarnessError`` when no socket can be bound.
    static func free() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HarnessError("cannot create a TCP socket (errno \(errno))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else { throw HarnessError("cannot bind a loopback TCP port (errno \(errno))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
