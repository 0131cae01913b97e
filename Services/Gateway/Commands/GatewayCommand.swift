internal import ArgumentParser

/// `tilts-gateway`: the one door for municipal systems: TLS, authentication, authorization,
/// audit and routing to the Tilts services.
///
/// `tilts-gateway [serve] --config FILE` runs the gateway; `tilts-gateway token issue|revoke|list
/// --data-dir DIR` administers bearer tokens directly in its store (bootstrap, development).
@main
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilts-gateway",
        abstract: "The one door for municipal systems: TLS, authentication, audit, routing.",
        subcommands: [ServeCommand.self, TokenCommand.self],
        defaultSubcommand: ServeCommand.self)
}
