internal import TiltsMessages
internal import TiltsWire

/// A meeting as an RFC 5545 iCalendar invitation (VCALENDAR with one VEVENT), for municipal staff
/// to put in their own calendars. Pure.
///
/// - `UID` is the meeting id, so a re-export after a reschedule updates the same calendar entry;
///   `SEQUENCE` counts the reschedules and the cancellation.
/// - Times are UTC (`…Z`) or Riga local time with `TZID=Europe/Riga` and its VTIMEZONE (the EU
///   rule: summer time from the last Sunday of March to the last Sunday of October).
/// - `SUMMARY` and `DESCRIPTION` are Latvian and name no child; every invited participant is an
///   `ATTENDEE` (`mailto:` when an e-mail is known, otherwise `urn:uuid:<participant id>`), and the
///   participant of the convening institution is the `ORGANIZER`.
/// - A cancelled meeting is exported with `METHOD:CANCEL` and `STATUS:CANCELLED`.
enum MeetingCalendar {
    static let timeZoneID = "Europe/Riga"
    static let productID = "-//Tilts//meeting-service//LV"

    static func filename(_ meeting: Meeting) -> String { "stis-\(meeting.meetingID).ics" }

    static func contentType(_ meeting: Meeting) -> String {
        "text/calendar; charset=utf-8; method=\(method(meeting))"
    }

    static func method(_ meeting: Meeting) -> String {
        meeting.status == .cancelled ? "CANCEL" : "REQUEST"
    }

    /// The iCalendar text; `stamp` is DTSTAMP (when the object is created).
    static func render(_ meeting: Meeting, utc: Bool, stamp: Timestamp) -> String {
        var text = ICalendarText()
        text.add("BEGIN", value: "VCALENDAR")
        text.add("PRODID", value: productID)
        text.add("VERSION", value: "2.0")
        text.add("CALSCALE", value: "GREGORIAN")
        text.add("METHOD", value: method(meeting))
        if !utc { addRigaTimeZone(&text) }

        let start = meeting.startsAt ?? Timestamp()
        let end = start.seconds + Int64(meeting.durationMinutes) * 60
        text.add("BEGIN", value: "VEVENT")
        text.add("UID", value: "\(meeting.meetingID)@tilts")
        text.add("DTSTAMP", value: ICalendarText.utcDateTime(unixSeconds: stamp.seconds))
        let sequence = meeting.history.filter { $0.kind == .rescheduled || $0.kind == .cancelled }.count
        text.add("SEQUENCE", value: String(sequence))
        if utc {
            text.add("DTSTART", value: ICalendarText.utcDateTime(unixSeconds: start.seconds))
            text.add("DTEND", value: ICalendarText.utcDateTime(unixSeconds: end))
        } else {
            text.add("DTSTART", parameters: [("TZID", timeZoneID)], value: ICalendarText.rigaDateTime(unixSeconds: start.seconds))
            text.add("DTEND", parameters: [("TZID", timeZoneID)], value: ICalendarText.rigaDateTime(unixSeconds: end))
        }
        let summary = MeetingLabels.summary(meeting.kind, quarter: meeting.quarter)
        text.add("SUMMARY", value: ICalendarText.escape(meeting.status == .cancelled ? "ATCELTS: " + summary : summary))
        text.add("DESCRIPTION", value: ICalendarText.escape(description(meeting)))
        if meeting.mode == .remote {
            text.add("LOCATION", value: ICalendarText.escape(meeting.place.isEmpty ? "Attālināti" : meeting.place))
            if !meeting.remoteLink.isEmpty { text.add("URL", value: meeting.remoteLink) }
        } else if !meeting.place.isEmpty {
            text.add("LOCATION", value: ICalendarText.escape(meeting.place))
        }
        text.add("STATUS", value: meeting.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        text.add("TRANSP", value: "OPAQUE")
        if let organizer = meeting.participants.first(where: { $0.institution == meeting.convenedBy }) {
            text.add("ORGANIZER", parameters: [("CN", displayName(organizer))], value: address(organizer))
        } else {
            text.add(
                "ORGANIZER", parameters: [("CN", MeetingLabels.latvian(meeting.convenedBy))],
                value: "urn:tilts:institution:\(meeting.convenedBy.description.lowercased())")
        }
        for participant in meeting.participants {
            text.add(
                "ATTENDEE",
                parameters: [
                    ("CUTYPE", participant.person.isEmpty ? "GROUP" : "INDIVIDUAL"), ("ROLE", "REQ-PARTICIPANT"),
                    ("PARTSTAT", "NEEDS-ACTION"), ("CN", displayName(participant)),
                ],
                value: address(participant))
        }
        text.add("END", value: "VEVENT")
        text.add("END", value: "VCALENDAR")
        return text.rendered
    }

    /// Europe/Riga as a VTIMEZONE: EET (+02:00), EEST (+03:00) from the last Sunday of March 03:00
    /// to the last Sunday of October 04:00 local time.
    static func addRigaTimeZone(_ text: inout ICalendarText) {
        text.add("BEGIN", value: "VTIMEZONE")
        text.add("TZID", value: timeZoneID)
        text.add("BEGIN", value: "DAYLIGHT")
        text.add("TZOFFSETFROM", value: "+0200")
        text.add("TZOFFSETTO", value: "+0300")
        text.add("TZNAME", value: "EEST")
        text.add("DTSTART", value: "19700329T030000")
        text.add("RRULE", value: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        text.add("END", value: "DAYLIGHT")
        text.add("BEGIN", value: "STANDARD")
        text.add("TZOFFSETFROM", value: "+0300")
        text.add("TZOFFSETTO", value: "+0200")
        text.add("TZNAME", value: "EET")
        text.add("DTSTART", value: "19701025T040000")
        text.add("RRULE", value: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        text.add("END", value: "STANDARD")
        text.add("END", value: "VTIMEZONE")
    }

    /// The DESCRIPTION: who convenes, whose meeting (ids only), and the link.
    static func description(_ meeting: Meeting) -> String {
        var lines = ["Sasauc: \(MeetingLabels.latvian(meeting.convenedBy))"]
        if !meeting.caseID.isEmpty { lines.append("Lieta: \(meeting.caseID)") }
        if !meeting.referralID.isEmpty && meeting.caseID.isEmpty { lines.append("Nosūtījums: \(meeting.referralID)") }
        if meeting.mode == .remote && !meeting.remoteLink.isEmpty { lines.append("Attālināti: \(meeting.remoteLink)") }
        if meeting.status == .cancelled && !meeting.cancellationReason.isEmpty {
            lines.append("Atcelts: \(meeting.cancellationReason)")
        }
        lines.append("Tilts sanāksme \(meeting.meetingID)")
        return lines.joined(separator: "\n")
    }

    static func displayName(_ participant: MeetingParticipant) -> String {
        participant.person.isEmpty ? participant.institutionName : "\(participant.person) (\(participant.institutionName))"
    }

    static func address(_ participant: MeetingParticipant) -> String {
        participant.email.isEmpty ? "urn:uuid:\(participant.participantID)" : "mailto:\(participant.email)"
    }
}
