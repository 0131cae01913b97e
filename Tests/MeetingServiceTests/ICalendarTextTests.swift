internal import Testing
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsWire
@testable internal import MeetingService

/// RFC 5545 text: CRLF line ends, folding at 75 octets without splitting UTF-8, TEXT escaping,
/// quoted parameters, DATE-TIME forms; then a whole rendered invitation.
@Suite struct ICalendarTextTests {
    @Test func linesEndInCRLF() {
        var text = ICalendarText()
        text.add("BEGIN", value: "VCALENDAR")
        text.add("END", value: "VCALENDAR")
        #expect(text.rendered == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    }

    @Test func longLinesFoldAt75Octets() {
        let line = "DESCRIPTION:" + String(repeating: "a", count: 200)
        let folded = ICalendarText.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 3)
        #expect(parts[0].utf8.count == 75)
        #expect(parts[1].utf8.count == 75 && parts[1].hasPrefix(" "))
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding (remove CRLF + one space) gives the line back.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendarText.fold("SHORT:x") == "SHORT:x")
        #expect(ICalendarText.fold(String(repeating: "b", count: 75)) == String(repeating: "b", count: 75))
    }

    @Test func foldingNeverSplitsAUTF8Sequence() {
        // "ā" is two octets: 74 ASCII octets then "ā" would reach 76, so "ā" starts the next line.
        let line = String(repeating: "x", count: 74) + "āāā" + String(repeating: "ž", count: 60)
        let folded = ICalendarText.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts[0] == String(repeating: "x", count: 74))
        #expect(parts[1].hasPrefix(" āāā"))
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendarText.escape("a;b,c\\d") == "a\\;b\\,c\\\\d")
        #expect(ICalendarText.escape("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour")
        #expect(ICalendarText.escape("tab\there\u{7}") == "tab here")
        #expect(ICalendarText.escape("Rīgas bāriņtiesa") == "Rīgas bāriņtiesa")
    }

    @Test func parameterValuesAreQuoted() {
        var text = ICalendarText()
        text.add("ATTENDEE", parameters: [("CN", "Bāriņtiesa; \"Rīga\", 2")], value: "mailto:bt@example.lv")
        #expect(text.rendered == "ATTENDEE;CN=\"Bāriņtiesa; Rīga, 2\":mailto:bt@example.lv\r\n")
        var plain = ICalendarText()
        plain.add("DTSTART", parameters: [("TZID", "Europe/Riga")], value: "20261201T100000")
        #expect(plain.rendered == "DTSTART;TZID=Europe/Riga:20261201T100000\r\n")
    }

    @Test func dateTimesInUTCAndRigaTime() {
        // 2026-12-01 08:00 UTC is 10:00 in Riga (winter, +2); 2026-07-01 07:00 UTC is 10:00 (summer, +3).
        let winter: Int64 = 1_796_112_000
        #expect(ICalendarText.utcDateTime(unixSeconds: winter) == "20261201T080000Z")
        #expect(ICalendarText.rigaDateTime(unixSeconds: winter) == "20261201T100000")
        let summer = RigaTime.startOfDayUnixSeconds(Fixture.day("2026-07-01")) + 10 * 3600
        #expect(ICalendarText.rigaDateTime(unixSeconds: summer) == "20260701T100000")
        #expect(ICalendarText.utcDateTime(unixSeconds: summer) == "20260701T070000Z")
    }

    func meeting() -> Meeting {
        var meeting = Meeting()
        meeting.meetingID = "7d1c0c51-2b1e-4e0e-9a51-000000000001"
        meeting.kind = .meeting1
        meeting.status = .scheduled
        meeting.caseID = "c-1"
        meeting.startsAt = Timestamp(seconds: 1_796_112_000)
        meeting.durationMinutes = 90
        meeting.mode = .remote
        meeting.remoteLink = "https://meet.example.lv/stis/1?x=1;y=2"
        meeting.convenedBy = .centre
        meeting.participants = [
            MeetingParticipant(participantID: "p1", institution: .centre, institutionName: "Ģimenes atbalsta centrs", person: "Ilze Kalniņa", email: "ilze@kc.lv"),
            MeetingParticipant(participantID: "p2", institution: .orphansCourt, institutionName: "Rīgas \"pilsētas\" bāriņtiesa", municipality: "riga"),
        ]
        return meeting
    }

    @Test func aRenderedInvitation() {
        let text = MeetingCalendar.render(meeting(), utc: false, stamp: Timestamp(seconds: 1_795_000_000))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.contains("METHOD:REQUEST"))
        #expect(unfolded.contains("UID:7d1c0c51-2b1e-4e0e-9a51-000000000001@tilts"))
        #expect(unfolded.contains("DTSTAMP:20261118T110640Z"))
        #expect(unfolded.contains("DTSTART;TZID=Europe/Riga:20261201T100000"))
        #expect(unfolded.contains("DTEND;TZID=Europe/Riga:20261201T113000"))
        #expect(unfolded.contains("TZID:Europe/Riga"))
        #expect(unfolded.contains(
            "SUMMARY:STIS 1. sanāksme: kartēšanas rezultāti un rehabilitācijas plāna apstiprināšana"))
        #expect(unfolded.contains("URL:https://meet.example.lv/stis/1?x=1;y=2"))
        #expect(unfolded.contains(
            "ORGANIZER;CN=Ilze Kalniņa (Ģimenes atbalsta centrs):mailto:ilze@kc.lv"))
        #expect(unfolded.contains(
            "ATTENDEE;CUTYPE=GROUP;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=Rīgas pilsētas bāriņtiesa:urn:uuid:p2"))
        #expect(unfolded.filter { $0.hasPrefix("ATTENDEE") }.count == 2)
        #expect(unfolded.contains { $0.hasPrefix("DESCRIPTION:Sasauc: Ģimenes atbalsta centrs\\nLieta: c-1\\n") })
    }

    @Test func utcInvitationsHaveNoTimeZone() {
        let text = MeetingCalendar.render(meeting(), utc: true, stamp: Timestamp(seconds: 1_795_000_000))
        #expect(text.contains("DTSTART:20261201T080000Z\r\n"))
        #expect(text.contains("DTEND:20261201T093000Z\r\n"))
        #expect(!text.contains("VTIMEZONE"))
    }

    @Test func cancelledMeetingsExportAsCancellations() {
        var cancelled = meeting()
        cancelled.status = .cancelled
        var change = MeetingChange()
        change.kind = .cancelled
        cancelled.history = [change]
        let text = MeetingCalendar.render(cancelled, utc: true, stamp: Timestamp(seconds: 1_795_000_000))
        #expect(text.contains("METHOD:CANCEL\r\n"))
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(text.contains("SEQUENCE:1\r\n"))
        #expect(MeetingCalendar.contentType(cancelled) == "text/calendar; charset=utf-8; method=CANCEL")
    }
}
