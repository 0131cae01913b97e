internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl report snapshot`: today's operations — in course, waiting, due and overdue steps, overdue agreed actions.
struct ReportSnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "The operational snapshot as of a day.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "As of this day (YYYY-MM-DD; default today).")
    var asOf: String = ""

    func run() async throws {
        var request = GetOperationalSnapshotRequest()
        request.asOf = asOf
        try await gateway.run { client in
            let snapshot: OperationalSnapshot = try await client.call(ReportCommand.service, "GetOperationalSnapshot", request)
            client.emit(snapshot) { snapshot in
                let t = ReportCommand.text
                var steps = Table(["STEP", "DUE THIS WEEK", "OVERDUE"])
                let names = (snapshot.dueThisWeek.map(\.step) + snapshot.overdue.map(\.step)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                for name in names {
                    steps.add([
                        name, t(snapshot.dueThisWeek.first { $0.step == name }?.children),
                        t(snapshot.overdue.first { $0.step == name }?.children),
                    ])
                }
                return Table.fields([
                    ("as of", snapshot.asOf), ("in course", "\(t(snapshot.inCourse)) of \(snapshot.capacity)"),
                    ("waiting", "\(t(snapshot.waiting)) (urgent \(t(snapshot.waitingUrgent)))"),
                    ("ending this week", t(snapshot.endingThisWeek)),
                    ("agreed actions overdue", t(snapshot.overdueActions)),
                ]) + "\n\n" + steps.text + ReportCommand.caveats(snapshot.caveats, suppression: snapshot.suppressionApplied)
            }
        }
    }
}
