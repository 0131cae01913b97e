internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment instrument ID [--version N]`: one instrument's areas and items.
struct AssessmentInstrumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "instrument", abstract: "Show one instrument.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The instrument id.")
    var instrumentID: String

    @Option(help: "The version (default: the latest).")
    var version: Int32 = 0

    func run() async throws {
        var request = GetInstrumentRequest()
        request.instrumentID = instrumentID
        request.version = version
        try await gateway.run { client in
            let instrument: Instrument = try await client.call(AssessmentCommand.service, "GetInstrument", request)
            client.emit(instrument) { instrument in
                var areas = Table(["AREA", "ITEMS"])
                for area in instrument.areas {
                    areas.add([area.areaID, String(instrument.items.filter { $0.areaID == area.areaID }.count)])
                }
                return Table.fields([
                    ("instrument", instrument.instrumentID), ("version", String(instrument.version)), ("name", instrument.name),
                    ("origin", instrument.origin),
                ]) + "\n\n" + areas.text
            }
        }
    }
}
