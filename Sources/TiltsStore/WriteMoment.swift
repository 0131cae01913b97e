internal import Foundation
public import TiltsDomain
public import TiltsWire

/// The moment a write happens: its instant (UTC) and its calendar day in Riga (DESIGN: calendar
/// days and "as of" dates are Europe/Riga; instants are stored in UTC).
///
/// Services take a `@Sendable () -> WriteMoment` clock so tests can pass fixed days; production
/// passes ``now()``. A value type.
public struct WriteMoment: Sendable, Hashable {
    public var timestamp: Timestamp
    public var today: CalendarDay

    public init(timestamp: Timestamp, today: CalendarDay) {
        self.timestamp = timestamp
        self.today = today
    }

    /// The wall clock now.
    @Sendable public static func now() -> WriteMoment {
        let seconds = Date().timeIntervalSince1970
        let whole = Int64(seconds.rounded(.down))
        let nanos = Int32(min(999_999_999, max(0, (seconds - Double(whole)) * 1e9)))
        return WriteMoment(
            timestamp: Timestamp(seconds: whole, nanos: nanos), today: RigaTime.calendarDay(ofUnixSeconds: whole))
    }
}
