internal import ArgumentParser
internal import Foundation
internal import Testing
@testable internal import AssessmentService
internal import TiltsServiceKit

/// The service's own config keys, from the file and from `TILTS_<KEY>` in the environment.
@Suite struct AssessmentSettingsTests {
    func configuration(_ text: String, environment: [String: String] = [:]) throws -> ServiceConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("assessment-\(UUID().uuidString).conf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let options = try ServiceOptions.parse(["--config", path])
        return try ServiceConfiguration(name: "assessment-service", options: options, environment: environment)
    }

    @Test func peersAndInstrumentsFolderComeFromTheConfig() throws {
        let settings = try AssessmentSettings(configuration(
            "referral_socket = /run/tilts/referral.sock\ninstruments_dir = /etc/tilts/instruments\n"))
        #expect(settings.referral != nil)
        #expect(settings.meeting == nil)
        #expect(settings.instrumentsDirectory == "/etc/tilts/instruments")
    }

    @Test func environmentWinsAndNothingIsRequired() throws {
        let none = try AssessmentSettings(configuration(""))
        #expect(none.referral == nil && none.meeting == nil && none.instrumentsDirectory == nil)
        let settings = try AssessmentSettings(configuration(
            "instruments_dir = /a\n", environment: ["TILTS_MEETING_SOCKET": "/run/m.sock", "TILTS_INSTRUMENTS_DIR": "/b"]))
        #expect(settings.meeting != nil)
        #expect(settings.instrumentsDirectory == "/b")
    }

    @Test func aMalformedPeerAddressStopsTheStart() throws {
        #expect(throws: ServiceConfigurationError.self) {
            try AssessmentSettings(configuration("referral_address = no-port\n"))
        }
    }
}
