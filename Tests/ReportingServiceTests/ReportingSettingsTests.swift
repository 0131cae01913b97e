internal import Testing
@testable internal import ReportingService
internal import TiltsDomain
internal import ArgumentParser
internal import TiltsServiceKit

/// Configuration: the secret is required and never shown; the other keys have defaults.
@Suite struct ReportingSettingsTests {
    func settings(_ environment: [String: String]) throws -> ReportingSettings {
        try ReportingSettings(ServiceConfiguration(name: "reporting-service", options: try ServiceOptions.parse([]), environment: environment))
    }

    @Test func theServiceRefusesToStartWithoutASecret() {
        #expect(throws: ServiceConfigurationError.self) { try settings([:]) }
        #expect(throws: ServiceConfigurationError.self) { try settings(["TILTS_PSEUDONYM_SECRET": "short"]) }
        do {
            _ = try settings(["TILTS_PSEUDONYM_SECRET": "too-short-secret"[...].dropLast(2).description])
        } catch let error as ServiceConfigurationError {
            #expect(!error.description.contains("too-short"), "the message never echoes the secret")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func defaultsAndOverrides() throws {
        let defaults = try settings(["TILTS_PSEUDONYM_SECRET": "a-long-enough-secret"])
        #expect(defaults.capacity == 12 && defaults.dailyRateEur == nil && defaults.instrumentID == "pilot-mapping")
        #expect(defaults.pilot == PilotCalendar.default)
        #expect(defaults.referral == nil && defaults.meeting == nil && defaults.assessment == nil)
        #expect(defaults.modelRefresh == .seconds(2))
        #expect(!defaults.description.contains("a-long-enough-secret") && !"\(defaults.pseudonyms)".contains("a-long"))
        let custom = try settings([
            "TILTS_PSEUDONYM_SECRET": "a-long-enough-secret", "TILTS_CAPACITY": "20", "TILTS_DAILY_RATE_EUR": "95.5",
            "TILTS_PILOT_START": "2026-04-01", "TILTS_PILOT_END": "2027-03-31", "TILTS_REFERRAL_SOCKET": "/tmp/r.sock",
        ])
        #expect(custom.capacity == 20 && custom.dailyRateEur == 95.5 && custom.referral != nil)
        #expect(custom.pilot.start.description == "2026-04-01" && custom.pilot.quarterCount == 4)
        #expect(throws: ServiceConfigurationError.self) {
            try settings(["TILTS_PSEUDONYM_SECRET": "a-long-enough-secret", "TILTS_DAILY_RATE_EUR": "-3"])
        }
        #expect(throws: ServiceConfigurationError.self) {
            try settings(["TILTS_PSEUDONYM_SECRET": "a-long-enough-secret", "TILTS_MODEL_REFRESH_SECONDS": "0"])
        }
        #expect(try settings(["TILTS_PSEUDONYM_SECRET": "a-long-enough-secret", "TILTS_MODEL_REFRESH_SECONDS": "0.5"])
            .modelRefresh == .milliseconds(500))
        #expect(throws: ServiceConfigurationError.self) {
            try settings(["TILTS_PSEUDONYM_SECRET": "a-long-enough-secret", "TILTS_PILOT_START": "2027-01-01", "TILTS_PILOT_END": "2026-01-01"])
        }
    }
}
