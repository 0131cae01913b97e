internal import ArgumentParser
internal import Foundation
internal import TiltsMessages

/// `tiltsctl report …`: the reporting service's de-identified reports.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "De-identified reports: pilot evaluation, quarterly report, snapshot, exports.",
        subcommands: [
            ReportEvaluationCommand.self, ReportQuarterlyCommand.self, ReportSnapshotCommand.self, ReportExportCommand.self,
            ReportIngestionCommand.self,
        ])

    static let service = ReportingAPI.serviceName

    /// A count as shown to this caller: the number, `<5` when suppressed, `-` when not available.
    static func text(_ count: ReportCount?) -> String {
        guard let count else { return "-" }
        switch count.disclosure {
        case .suppressed: return "<5"
        case .notAvailable: return "-"
        default: return String(count.value)
        }
    }

    /// A figure with `digits` decimals, or `<5` / `-` as for counts.
    static func text(_ figure: ReportFigure?, digits: Int = 2) -> String {
        guard let figure else { return "-" }
        switch figure.disclosure {
        case .suppressed: return "<5"
        case .notAvailable: return "-"
        default: return String(format: "%.\(digits)f", figure.value)
        }
    }

    static func caveats(_ caveats: [Caveat], suppression: Bool) -> String {
        var lines = caveats.map { "note: \($0.textEn)" }
        if suppression { lines.append("note: counts under 5 are shown as <5") }
        return lines.isEmpty ? "" : "\n\n" + lines.joined(separator: "\n")
    }
}
