internal import ArgumentParser

/// `tiltsctl`: the command-line client of the Tilts gateway (placeholder until its issue lands).
@main
struct TiltsctlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tiltsctl", abstract: "Command-line client of the Tilts gateway.")
}
