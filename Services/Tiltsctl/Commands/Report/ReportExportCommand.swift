internal import ArgumentParser
internal import Foundation
internal import TiltsMessages
internal import TiltsTLS

/// `tiltsctl report export --report evaluation --format svg --output chart.svg`: a report as a file.
struct ReportExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a report as CSV, JSON or (the evaluation) an SVG chart.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "evaluation, quarterly or snapshot.")
    var report: String

    @Option(help: "csv, json or svg.")
    var format: String

    @Option(help: "The quarter (quarterly).")
    var quarter: Int32 = 0

    @Option(help: "First day of the period (evaluation).")
    var from: String = ""

    @Option(help: "Last day of the period (evaluation).")
    var to: String = ""

    @Option(help: "As of this day (snapshot).")
    var asOf: String = ""

    @Option(help: "Write here (default: the name the service suggests, in the current folder; - for standard output).")
    var output: String?

    func run() async throws {
        var request = ExportReportRequest()
        let kinds: [String: ReportKind] = [
            "evaluation": .pilotEvaluation, "quarterly": .quarterlyReport, "snapshot": .operationalSnapshot,
        ]
        guard let kind = kinds[report.lowercased()] ?? Input.enumValue(ReportKind.self, report) else {
            throw ValidationError("--report must be evaluation, quarterly or snapshot")
        }
        guard let exportFormat = Input.enumValue(ExportFormat.self, format) else {
            throw ValidationError("--format must be csv, json or svg")
        }
        request.report = kind
        request.format = exportFormat
        request.quarter = quarter
        request.asOf = asOf
        if !from.isEmpty || !to.isEmpty {
            var window = DateWindow()
            window.first = from
            window.last = to
            request.period = window
        }
        try await gateway.run { client in
            var data: [UInt8] = []
            var filename = "report"
            var digest = ""
            try await client.serverStreaming(ReportCommand.service, "ExportReport", request) { (chunk: ExportChunk) in
                if !chunk.filename.isEmpty { filename = chunk.filename }
                if !chunk.sha256.isEmpty { digest = chunk.sha256 }
                data += chunk.data
            }
            if !digest.isEmpty, Digest.hex(Digest.sha256(data)) != digest.lowercased() {
                Failure.print("DATA_LOSS: the export's SHA-256 does not match what the service sent")
                throw ExitCode.failure
            }
            let path = output ?? filename
            if path == "-" {
                FileHandle.standardOutput.write(Data(data))
            } else {
                try Data(data).write(to: URL(fileURLWithPath: path))
                print("wrote \(path) (\(data.count) bytes)")
            }
        }
    }
}
