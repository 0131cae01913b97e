internal import ArgumentParser
internal import Foundation
internal import TiltsMessages

/// `tiltsctl assessment render-summary CASE [--html] [--output FILE]`: the summary as a Latvian document.
struct AssessmentRenderSummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-summary", abstract: "Render the final summary as Markdown (or --html).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    @Flag(help: "HTML with a print stylesheet instead of Markdown.")
    var html = false

    @Option(help: "Write the document here instead of standard output.")
    var output: String?

    func run() async throws {
        var request = RenderFinalSummaryRequest()
        request.caseID = caseID
        try await gateway.run { client in
            let rendered: RenderedFinalSummary = try await client.call(AssessmentCommand.service, "RenderFinalSummary", request)
            let document = html ? rendered.html : rendered.markdown
            if let output, !client.json {
                try Data(document.utf8).write(to: URL(fileURLWithPath: output))
                print("wrote \(output)")
            } else {
                client.emit(rendered) { _ in document }
            }
        }
    }
}
