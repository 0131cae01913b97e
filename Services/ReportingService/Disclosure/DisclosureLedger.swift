internal import TiltsMessages

/// The figures of one report and the rules that decide which of them a caller sees.
///
/// A report builder records every number it publishes as a ``Cell`` (``count(_:)``,
/// ``figure(_:children:)``, ``share(_:of:)``) and every "these parts add up to that total" relation
/// as a line (``line(total:parts:)``). ``resolve(suppressing:)`` then decides, once for the whole
/// report, which cells are shown:
///
/// - **Primary suppression** (callers outside the centre): a count from 1 to 4; a figure computed
///   from 1 to 4 children; a share whose numerator, or whose complement (base − numerator), is 1
///   to 4 (the share and its base would give that count).
/// - **Complementary suppression**: a line (a total and its parts) with exactly one suppressed
///   entry would give that entry away by subtraction, so one more entry is suppressed: the
///   smallest positive part not yet suppressed, else a zero part, else the total. Lines are
///   revisited until every line has none or at least two suppressed entries; this terminates
///   because cells only ever become suppressed.
/// - A figure with nothing to compute it from is ``Disclosure/notAvailable`` for everyone and is
///   neither suppressed nor used as a complement.
///
/// For the centre (`suppressing: false`) every available cell is shown.
///
/// A value type; build one per report on one task.
struct DisclosureLedger: Sendable {
    /// A handle to one recorded number.
    struct Cell: Hashable, Sendable {
        fileprivate let index: Int
    }

    private enum Kind: Sendable {
        case count
        /// A figure computed from `children` children.
        case figure(children: Int)
        case share(numerator: Int, base: Int)
        /// A total over `children` children, shown as a count.
        case derived(children: Int)
    }

    private struct Entry: Sendable {
        var value: Double
        var kind: Kind
        var available: Bool
    }

    private var entries: [Entry] = []
    private var lines: [(total: Cell, parts: [Cell])] = []

    /// A count (of children, events or days) that is suppressed when 1–4.
    mutating func count(_ value: Int) -> Cell {
        append(Entry(value: Double(value), kind: .count, available: true))
    }

    /// A figure computed from `children` children; nil when it cannot be computed (not available).
    mutating func figure(_ value: Double?, children: Int) -> Cell {
        append(Entry(value: value ?? 0, kind: .figure(children: children), available: value != nil && children > 0))
    }

    /// A total that is not itself a number of children (sessions, course-days) but is summed over
    /// `children` children: shown as a count, suppressed like a figure when `children` is 1–4.
    mutating func derivedCount(_ value: Int, children: Int) -> Cell {
        append(Entry(value: Double(value), kind: .derived(children: children), available: true))
    }

    /// `numerator / base` as a share from 0 to 1; not available when the base is 0.
    mutating func share(_ numerator: Int, of base: Int) -> Cell {
        let value = base > 0 ? Double(numerator) / Double(base) : 0
        return append(Entry(value: value, kind: .share(numerator: numerator, base: base), available: base > 0))
    }

    /// Records that `parts` add up to `total`, as published.
    mutating func line(total: Cell, parts: [Cell]) {
        lines.append((total, parts))
    }

    /// The recorded value (whatever the disclosure), for tests and for building related figures.
    func value(_ cell: Cell) -> Double { entries[cell.index].value }

    private mutating func append(_ entry: Entry) -> Cell {
        entries.append(entry)
        return Cell(index: entries.count - 1)
    }

    /// Decides every cell's disclosure.
    func resolve(suppressing: Bool) -> Disclosed {
        var suppressed = [Bool](repeating: false, count: entries.count)
        if suppressing {
            for (index, entry) in entries.enumerated() where entry.available {
                suppressed[index] = Self.isPrimary(entry)
            }
            var changed = true
            while changed {
                changed = false
                for line in lines {
                    let members = [line.total] + line.parts
                    let hidden = members.filter { suppressed[$0.index] }.count
                    guard hidden == 1 else { continue }
                    if let complement = complement(for: line, suppressed: suppressed) {
                        suppressed[complement.index] = true
                        changed = true
                    }
                }
            }
        }
        return Disclosed(
            values: entries.map(\.value),
            disclosures: entries.indices.map { index in
                if !entries[index].available { return .notAvailable }
                return suppressed[index] ? .suppressed : .shown
            })
    }

    private static func isPrimary(_ entry: Entry) -> Bool {
        switch entry.kind {
        case .count:
            return (1...4).contains(Int(entry.value))
        case .figure(let children):
            return children < 5
        case .derived(let children):
            return (1...4).contains(children)
        case .share(let numerator, let base):
            return base < 5 || (1...4).contains(numerator) || (1...4).contains(base - numerator)
        }
    }

    /// The entry to hide next to a line's single hidden one: the smallest positive part still
    /// shown, else a zero part, else the total.
    private func complement(for line: (total: Cell, parts: [Cell]), suppressed: [Bool]) -> Cell? {
        let open = line.parts.filter { !suppressed[$0.index] && entries[$0.index].available }
        if let smallest = open.filter({ entries[$0.index].value > 0 }).min(by: { entries[$0.index].value < entries[$1.index].value }) {
            return smallest
        }
        if let zero = open.first { return zero }
        if !suppressed[line.total.index] && entries[line.total.index].available { return line.total }
        return nil
    }
}

/// The outcome of ``DisclosureLedger/resolve(suppressing:)``: each cell as a message.
struct Disclosed: Sendable {
    fileprivate let values: [Double]
    fileprivate let disclosures: [Disclosure]

    func count(_ cell: DisclosureLedger.Cell) -> ReportCount {
        let disclosure = disclosures[cell.index]
        return ReportCount(value: disclosure == .shown ? Int64(values[cell.index]) : 0, disclosure: disclosure)
    }

    func figure(_ cell: DisclosureLedger.Cell) -> ReportFigure {
        let disclosure = disclosures[cell.index]
        return ReportFigure(value: disclosure == .shown ? values[cell.index] : 0, disclosure: disclosure)
    }

    func disclosure(_ cell: DisclosureLedger.Cell) -> Disclosure { disclosures[cell.index] }

    /// Whether any cell is suppressed.
    var anySuppressed: Bool { disclosures.contains(.suppressed) }
}
