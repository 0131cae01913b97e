internal import Testing
internal import TiltsDomain

/// Instants and expectations generated independently with Python's `zoneinfo` (tz database
/// Europe/Riga); the local time is in each comment.
@Suite("RigaTime")
struct RigaTimeTests {
    static let cases: [(utc: String, seconds: Int64, offset: Int, day: String)] = [
        // Spring forward, Sunday 29 March 2026: 03:00 EET becomes 04:00 EEST at 01:00 UTC.
        ("2026-03-29 00:59:59", 1_774_745_999, 7200, "2026-03-29"),  // 02:59:59+02:00
        ("2026-03-29 01:00:00", 1_774_746_000, 10800, "2026-03-29"),  // 04:00:00+03:00
        // Fall back, Sunday 25 October 2026: 04:00 EEST becomes 03:00 EET at 01:00 UTC.
        ("2026-10-25 00:59:59", 1_792_889_999, 10800, "2026-10-25"),  // 03:59:59+03:00
        ("2026-10-25 01:00:00", 1_792_890_000, 7200, "2026-10-25"),  // 03:00:00+02:00
        // Midnights around the switches.
        ("2026-03-28 21:59:59", 1_774_735_199, 7200, "2026-03-28"),  // 23:59:59+02:00
        ("2026-03-28 22:00:00", 1_774_735_200, 7200, "2026-03-29"),  // 00:00:00+02:00
        ("2026-03-29 20:59:59", 1_774_817_999, 10800, "2026-03-29"),  // 23:59:59+03:00
        ("2026-03-29 21:00:00", 1_774_818_000, 10800, "2026-03-30"),  // 00:00:00+03:00
        ("2026-10-24 20:59:59", 1_792_875_599, 10800, "2026-10-24"),  // 23:59:59+03:00
        ("2026-10-24 21:00:00", 1_792_875_600, 10800, "2026-10-25"),  // 00:00:00+03:00
        ("2026-10-25 21:59:59", 1_792_965_599, 7200, "2026-10-25"),  // 23:59:59+02:00
        ("2026-10-25 22:00:00", 1_792_965_600, 7200, "2026-10-26"),  // 00:00:00+02:00
        // Midnight in summer and at new year.
        ("2026-07-01 20:59:59", 1_782_939_599, 10800, "2026-07-01"),  // 23:59:59+03:00
        ("2026-07-01 21:00:00", 1_782_939_600, 10800, "2026-07-02"),  // 00:00:00+03:00
        ("2026-12-31 21:59:59", 1_798_754_399, 7200, "2026-12-31"),  // 23:59:59+02:00
        ("2026-12-31 22:00:00", 1_798_754_400, 7200, "2027-01-01"),  // 00:00:00+02:00
        // 2027's switches: 28 March and 31 October.
        ("2027-03-28 00:59:59", 1_806_195_599, 7200, "2027-03-28"),
        ("2027-03-28 01:00:00", 1_806_195_600, 10800, "2027-03-28"),
        ("2027-10-31 00:59:59", 1_824_944_399, 10800, "2027-10-31"),
        ("2027-10-31 01:00:00", 1_824_944_400, 7200, "2027-10-31"),
        // A leap day.
        ("2028-02-28 22:00:00", 1_835_388_000, 7200, "2028-02-29"),  // 00:00:00+02:00
        ("2028-02-29 21:59:59", 1_835_474_399, 7200, "2028-02-29"),  // 23:59:59+02:00
    ]

    @Test("Offsets and calendar days at the switches and midnights", arguments: cases)
    func known(utc: String, seconds: Int64, offset: Int, day: String) {
        #expect(RigaTime.utcOffsetSeconds(atUnixSeconds: seconds) == offset, "\(utc)")
        #expect(RigaTime.calendarDay(ofUnixSeconds: seconds).description == day, "\(utc)")
    }

    /// Every switch 2001–2040 (spring, autumn, spring, …) from Python's `zoneinfo`.
    static let switches: [Int64] = [
        985482000, 1004230800, 1017536400, 1035680400, 1048986000, 1067130000, 1080435600, 1099184400,
        1111885200, 1130634000, 1143334800, 1162083600, 1174784400, 1193533200, 1206838800, 1224982800,
        1238288400, 1256432400, 1269738000, 1288486800, 1301187600, 1319936400, 1332637200, 1351386000,
        1364691600, 1382835600, 1396141200, 1414285200, 1427590800, 1445734800, 1459040400, 1477789200,
        1490490000, 1509238800, 1521939600, 1540688400, 1553994000, 1572138000, 1585443600, 1603587600,
        1616893200, 1635642000, 1648342800, 1667091600, 1679792400, 1698541200, 1711846800, 1729990800,
        1743296400, 1761440400, 1774746000, 1792890000, 1806195600, 1824944400, 1837645200, 1856394000,
        1869094800, 1887843600, 1901149200, 1919293200, 1932598800, 1950742800, 1964048400, 1982797200,
        1995498000, 2014246800, 2026947600, 2045696400, 2058397200, 2077146000, 2090451600, 2108595600,
        2121901200, 2140045200, 2153350800, 2172099600, 2184800400, 2203549200, 2216250000, 2234998800,
    ]

    @Test("The rule reproduces the tz database's switches 2001–2040")
    func switchesMatchTzDatabase() {
        #expect(Self.switches.count == 80)
        for (index, instant) in Self.switches.enumerated() {
            let (before, after) = index % 2 == 0 ? (7200, 10800) : (10800, 7200)
            #expect(RigaTime.utcOffsetSeconds(atUnixSeconds: instant - 1) == before, "switch at \(instant)")
            #expect(RigaTime.utcOffsetSeconds(atUnixSeconds: instant) == after, "switch at \(instant)")
        }
    }

    @Test("Before the Unix epoch (the rule is applied back in time)")
    func beforeEpoch() {
        #expect(RigaTime.calendarDay(ofUnixSeconds: 0).description == "1970-01-01")  // 02:00+02:00
        #expect(RigaTime.calendarDay(ofUnixSeconds: -7200).description == "1970-01-01")  // 00:00+02:00
        #expect(RigaTime.calendarDay(ofUnixSeconds: -7201).description == "1969-12-31")  // 23:59:59+02:00
        #expect(RigaTime.calendarDay(ofUnixSeconds: -86_400 * 365).description == "1969-01-01")
    }

    @Test("Every day of 2026–2028 starts at its Riga midnight")
    func startsOfDays() {
        var day = CalendarDay(iso: "2026-01-01")!
        let end = CalendarDay(iso: "2028-12-31")!
        while day <= end {
            let start = RigaTime.startOfDayUnixSeconds(day)
            #expect(RigaTime.calendarDay(ofUnixSeconds: start) == day)
            #expect(RigaTime.calendarDay(ofUnixSeconds: start - 1) == day.adding(days: -1))
            #expect(start + Int64(RigaTime.utcOffsetSeconds(atUnixSeconds: start)) == Int64(day.dayNumber) * 86_400)
            day = day.adding(days: 1)
        }
        #expect(RigaTime.startOfDayUnixSeconds(CalendarDay(iso: "2026-03-29")!) == 1_774_735_200)
        #expect(RigaTime.startOfDayUnixSeconds(CalendarDay(iso: "2026-03-30")!) == 1_774_818_000)
        #expect(RigaTime.startOfDayUnixSeconds(CalendarDay(iso: "2026-10-26")!) == 1_792_965_600)
    }

    @Test("The days of the switches have 23 and 25 hours")
    func dayLengths() {
        func hours(_ iso: String) -> Int64 {
            let day = CalendarDay(iso: iso)!
            return (RigaTime.startOfDayUnixSeconds(day.adding(days: 1)) - RigaTime.startOfDayUnixSeconds(day)) / 3600
        }
        #expect(hours("2026-03-28") == 24)
        #expect(hours("2026-03-29") == 23)
        #expect(hours("2026-10-25") == 25)
        #expect(hours("2026-10-26") == 24)
    }
}
