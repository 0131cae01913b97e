/// A plain text table: a header row and aligned columns, two spaces apart.
///
/// ```swift
/// var table = Table(["ID", "STATUS"])
/// table.add([id, "RECEIVED"])
/// print(table.text)
/// ```
struct Table {
    let header: [String]
    private(set) var rows: [[String]] = []

    init(_ header: [String]) {
        self.header = header
    }

    mutating func add(_ row: [String]) {
        rows.append(row.map { $0.isEmpty ? "-" : $0.replacingNewlines() })
    }

    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// `key: value` lines, keys aligned; empty values are left out.
    static func fields(_ pairs: [(String, String)]) -> String {
        let shown = pairs.filter { !$0.1.isEmpty }
        let width = shown.map(\.0.count).max() ?? 0
        return shown.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1.replacingNewlines())" }
            .joined(separator: "\n")
    }
}

extension String {
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
