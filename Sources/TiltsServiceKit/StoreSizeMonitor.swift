internal import CoreMetrics
internal import Metrics
internal import Foundation

/// Publishes the size of a service's SQLite store as the gauge `tilts_store_size_bytes`: the sum
/// of every `*.sqlite` file in the data folder and its `-wal` file (the shared-memory `-shm` file
/// is not data and is left out).
///
/// Start it with ``run()`` in its own task (``ServiceRunner`` wraps it in a ``BackgroundService``);
/// it measures at once and then every `interval` until cancelled. It only reads directory entries
/// and file sizes, never the databases.
struct StoreSizeMonitor: Sendable {
    let directory: String
    let interval: Duration

    init(directory: String, interval: Duration = .seconds(10)) {
        self.directory = directory
        self.interval = interval
    }

    func run() async {
        let gauge = CoreMetrics.Gauge(label: "tilts_store_size_bytes")
        while !Task.isCancelled {
            gauge.record(Self.measure(directory))
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }

    /// The bytes of the store files in `directory`; 0 when it cannot be listed.
    static func measure(_ directory: String) -> Int64 {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: directory) else { return 0 }
        var total: Int64 = 0
        for name in names where name.hasSuffix(".sqlite") || name.hasSuffix(".sqlite-wal") {
            let attributes = try? files.attributesOfItem(atPath: directory + "/" + name)
            if let size = attributes?[.size] as? NSNumber {
                total += size.int64Value
            }
        }
        return total
    }
}
