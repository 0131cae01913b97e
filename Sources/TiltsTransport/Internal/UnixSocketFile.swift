#if canImport(Glibc)
internal import Glibc
#endif

/// Handles the socket file of a Unix-socket listener.
enum UnixSocketFile {
    /// Makes `path` free to bind: removes a stale socket file left by a process that died, but
    /// refuses a socket some live process still accepts on, and anything that is not a socket.
    static func prepare(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw TransportError(code: .bindFailed, message: "\(path) exists and is not a socket; refusing to replace it")
        }
        if isAccepting(path) {
            throw TransportError(code: .addressInUse, message: "another process is already serving on \(path)")
        }
        unlink(path)
    }

    /// Sets the socket file's permission bits (0660 keeps other users out).
    static func setMode(_ path: String, mode: UInt16) throws {
        guard chmod(path, mode_t(mode)) == 0 else {
            throw TransportError(code: .bindFailed, message: "could not set mode \(String(mode, radix: 8)) on \(path)")
        }
    }

    /// Removes the socket file at shutdown.
    static func remove(_ path: String) {
        unlink(path)
    }

    private static func isAccepting(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }
}
