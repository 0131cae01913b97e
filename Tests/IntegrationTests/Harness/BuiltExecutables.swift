internal import Foundation

/// Finds the executables `swift build` made: in the build directory's bin path, where the test
/// bundle itself lives (`.build/debug/tiltsPackageTests.xctest` next to `.build/debug/tilts-gateway`),
/// so `swift build && swift test` (and `--scratch-path X`) test the binaries of the same build.
///
/// `TILTS_BIN_DIR` overrides the folder, as it does for the Python interop suite.
enum BuiltExecutables {
    /// The product executables the stack runs.
    static let stack = ["referral-service", "meeting-service", "assessment-service", "reporting-service", "tilts-gateway"]

    /// The bin folder: `TILTS_BIN_DIR`, else the first folder up from the test bundle's executable
    /// that holds `tilts-gateway` (on macOS the bundle is a directory inside the bin folder), else
    /// the bundle's own folder, which then names the missing binary in the error.
    static let folder: URL = {
        if let given = ProcessInfo.processInfo.environment["TILTS_BIN_DIR"], !given.isEmpty {
            return URL(fileURLWithPath: given)
        }
        let executable = Bundle.main.executableURL
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? FileManager.default.currentDirectoryPath)
        let start = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        // On Linux the test bundle is the running executable; on macOS a helper loads the
        // `.xctest` bundle, so its folder is the other place to look.
        let bundles = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map(\.bundleURL)
        for origin in [start] + bundles {
            var candidate = origin
            for _ in 0..<4 {
                if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("tilts-gateway").path) {
                    return candidate
                }
                candidate = candidate.deletingLastPathComponent()
            }
        }
        return start
    }()

    /// The path of executable `name`.
    /// - Throws: ``HarnessError`` naming the missing binary when it was not built.
    static func path(_ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw HarnessError(
                "\(name) is missing from \(folder.path): run swift build first (the integration tests start the "
                    + "built executables; TILTS_BIN_DIR names another bin folder)")
        }
        return path
    }
}
