/// A person's age in whole years on `day`: the number of birthdays they have had by then.
///
/// A birthday counts on its own day (age goes up on the anniversary, not the day after). Someone born
/// on 29 February turns a year older on 1 March in years that are not leap years (28 February is
/// still the day before the birthday). `day` before
/// `birthDate` gives a negative number; callers validate birth dates first.
///
/// ```swift
/// ageInYears(birthDate: CalendarDay(iso: "2012-02-29")!, on: CalendarDay(iso: "2027-02-28")!)  // 14
/// ageInYears(birthDate: CalendarDay(iso: "2012-02-29")!, on: CalendarDay(iso: "2027-03-01")!)  // 15
/// ```
public func ageInYears(birthDate: CalendarDay, on day: CalendarDay) -> Int {
    let years = day.year - birthDate.year
    let beforeBirthday = (day.month, day.day) < (birthDate.month, birthDate.day)
    return beforeBirthday ? years - 1 : years
}
