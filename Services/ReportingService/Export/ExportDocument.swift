internal import TiltsMessages
internal import TiltsTLS

/// An exported report: its bytes, file name and media type, cut into ``ExportChunk`` messages.
///
/// Chunks hold ``chunkSize`` bytes (the last one less); the first names the file and its media
/// type, the last is marked with the document's size and SHA-256, so a client can check it got
/// everything. A value type.
struct ExportDocument: Sendable, Equatable {
    static let chunkSize = 16 * 1024

    var filename: String
    var contentType: String
    var bytes: [UInt8]

    static func csv(_ text: String, name: String) -> ExportDocument {
        ExportDocument(filename: name + ".csv", contentType: "text/csv; charset=utf-8; header=present", bytes: Array(text.utf8))
    }

    static func json(_ text: String, name: String) -> ExportDocument {
        ExportDocument(filename: name + ".json", contentType: "application/json", bytes: Array(text.utf8))
    }

    static func svg(_ text: String, name: String) -> ExportDocument {
        ExportDocument(filename: name + ".svg", contentType: "image/svg+xml", bytes: Array(text.utf8))
    }

    /// The chunks in order; at least one, also for an empty document.
    var chunks: [ExportChunk] {
        var chunks: [ExportChunk] = []
        var offset = 0
        repeat {
            var chunk = ExportChunk()
            let end = min(offset + Self.chunkSize, bytes.count)
            chunk.data = Array(bytes[offset..<end])
            chunk.offset = Int64(offset)
            if offset == 0 {
                chunk.filename = filename
                chunk.contentType = contentType
            }
            if end == bytes.count {
                chunk.last = true
                chunk.totalSize = Int64(bytes.count)
                chunk.sha256 = Digest.hex(Digest.sha256(bytes))
            }
            chunks.append(chunk)
            offset = end
        } while offset < bytes.count
        return chunks
    }
}
