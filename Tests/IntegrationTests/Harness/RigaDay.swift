internal import Foundation
internal import TiltsWire

/// A calendar day as the services count them: in Europe/Riga (DESIGN section 2), written
/// `YYYY-MM-DD`. The scenarios place whole courses in the past, because minutes, assessments and
/// summaries may not be dated in the future.
struct RigaDay: Sendable, Equatable, CustomStringConvertible {
    /// Noon of the day in Riga: far from both midnights, so adding days never slips a date.
    private let noon: Date

    static let timeZone = TimeZone(identifier: "Europe/Riga")!

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Today in Riga.
    static var today: RigaDay {
        RigaDay(noon: calendar.date(bySettingHour: 12, minute: 0, second: 0, of: Date())!)
    }

    /// The day `days` later (earlier when negative).
    func adding(days: Int) -> RigaDay {
        RigaDay(noon: Self.calendar.date(byAdding: .day, value: days, to: noon)!)
    }

    /// Course day `n` of a course admitted on this day (day 1 is the admission day).
    func courseDay(_ n: Int) -> RigaDay { adding(days: n - 1) }

    /// `hour`:00 Riga time on this day, as a protobuf Timestamp.
    func at(hour: Int) -> Timestamp {
        let instant = Self.calendar.date(bySettingHour: hour, minute: 0, second: 0, of: noon)!
        return Timestamp(seconds: Int64(instant.timeIntervalSince1970))
    }

    var description: String {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: noon)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
