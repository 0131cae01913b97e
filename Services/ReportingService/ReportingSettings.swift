internal import TiltsDomain
internal import TiltsServiceKit
internal import TiltsTransport

/// The reporting service's own settings (config file keys, or `TILTS_<KEY>` environment variables):
///
/// - `pseudonym_secret` (required, at least 16 bytes): the HMAC key that turns case and referral
///   ids into the store's pseudonymous keys. The service refuses to start without it and never logs
///   it. Changing it orphans the existing store: start from an empty data folder (a backfill).
/// - `referral_socket`/`_address`, `meeting_socket`/`_address`, `assessment_socket`/`_address`:
///   the streams to follow (``ServiceConfiguration/peerTarget(_:)``); a link not configured is
///   simply not followed.
/// - `capacity`: the centre's places, for occupancy (default 12, as the referral service's).
/// - `daily_rate_eur`: the cost of one course-day; without it the quarterly cost is NOT_AVAILABLE.
/// - `pilot_start`, `pilot_end`: the pilot period (default 2026-03-01 … 2027-02-28).
/// - `evaluation_instrument`: the instrument whose scores the evaluation compares
///   (default `pilot-mapping`, whose six areas score 1–5, higher is better).
/// - `model_refresh_seconds`: how often the in-memory fact model catches up with the store in the
///   background (default 2), so reports merge little.
struct ReportingSettings: Sendable, CustomStringConvertible {
    var pseudonyms: Pseudonymizer
    var referral: GRPCClientConnection.Target?
    var meeting: GRPCClientConnection.Target?
    var assessment: GRPCClientConnection.Target?
    var capacity: Int
    var dailyRateEur: Double?
    var pilot: PilotCalendar
    var instrumentID: String
    var modelRefresh: Duration

    static let minimumSecretBytes = 16

    /// - Throws: ``ServiceConfigurationError`` naming the bad key (never echoing the secret).
    init(_ configuration: ServiceConfiguration) throws {
        guard let secret = configuration.value("pseudonym_secret"), !secret.isEmpty else {
            throw ServiceConfigurationError(
                "pseudonym_secret is required: the key that makes case ids pseudonymous in the reporting store "
                    + "(set it in the config file, readable by the service only, or TILTS_PSEUDONYM_SECRET)")
        }
        guard secret.utf8.count >= Self.minimumSecretBytes else {
            throw ServiceConfigurationError("pseudonym_secret must be at least \(Self.minimumSecretBytes) bytes long")
        }
        pseudonyms = Pseudonymizer(secret: Array(secret.utf8))
        referral = try configuration.peerTarget("referral")
        meeting = try configuration.peerTarget("meeting")
        assessment = try configuration.peerTarget("assessment")
        let capacityText = configuration.value("capacity") ?? "12"
        guard let capacity = Int(capacityText), capacity > 0 else {
            throw ServiceConfigurationError("capacity must be a positive number of places, not '\(capacityText)'")
        }
        self.capacity = capacity
        if let rate = configuration.value("daily_rate_eur"), !rate.isEmpty {
            guard let value = Double(rate), value >= 0, value.isFinite else {
                throw ServiceConfigurationError("daily_rate_eur must be a non-negative amount in euros, not '\(rate)'")
            }
            dailyRateEur = value
        }
        let start = try Self.day(configuration, "pilot_start") ?? PilotCalendar.default.start
        let end = try Self.day(configuration, "pilot_end") ?? PilotCalendar.default.end
        guard start <= end else { throw ServiceConfigurationError("pilot_end must not be before pilot_start") }
        pilot = PilotCalendar(start: start, end: end)
        instrumentID = configuration.value("evaluation_instrument").flatMap { $0.isEmpty ? nil : $0 } ?? "pilot-mapping"
        let refreshText = configuration.value("model_refresh_seconds") ?? "2"
        guard let refresh = Double(refreshText), refresh > 0, refresh <= 3600 else {
            throw ServiceConfigurationError("model_refresh_seconds must be a number of seconds from 0 to 3600, not '\(refreshText)'")
        }
        modelRefresh = .milliseconds(Int(refresh * 1000))
    }

    private static func day(_ configuration: ServiceConfiguration, _ key: String) throws -> CalendarDay? {
        guard let text = configuration.value(key), !text.isEmpty else { return nil }
        guard let day = CalendarDay(iso: text) else {
            throw ServiceConfigurationError("\(key) must be a date YYYY-MM-DD, not '\(text)'")
        }
        return day
    }

    /// For logs: everything but the secret.
    var description: String {
        "capacity=\(capacity) daily_rate_eur=\(dailyRateEur.map { String($0) } ?? "unset") pilot=\(pilot.start)…\(pilot.end) "
            + "evaluation_instrument=\(instrumentID) referral=\(referral != nil) meeting=\(meeting != nil) "
            + "assessment=\(assessment != nil)"
    }
}
