internal import Testing
internal import TiltsDomain

/// Check digits worked by hand: weights 1,6,3,7,9,10,5,8,4,2 over the first ten digits,
/// K = (1101 − sum) mod 11 mod 10.
@Suite("PersonalCode")
struct PersonalCodeTests {
    private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    private func error(_ code: String) -> PersonalCodeError? {
        if case .failure(let error) = PersonalCode.validate(code) { return error }
        return nil
    }

    @Test("DESIGN's worked example 161175-19997 is valid, born 1975-11-16")
    func designExample() {
        // 1·1 + 6·6 + 1·3 + 1·7 + 7·9 + 5·10 + 1·5 + 9·8 + 9·4 + 9·2 = 1+36+3+7+63+50+5+72+36+18 = 291;
        // 1101 − 291 = 810; 810 mod 11 = 7 (11·73 = 803); K = 7.
        #expect(PersonalCode.validate("161175-19997") == .success(.old(birthDate: day("1975-11-16"))))
    }

    @Test("Old-form codes computed by hand, every century digit", arguments: [
        // 150585-0123K, born 1885-05-15 (C = 0):
        // 1·1 + 5·6 + 0·3 + 5·7 + 8·9 + 5·10 + 0·5 + 1·8 + 2·4 + 3·2 = 1+30+0+35+72+50+0+8+8+6 = 210;
        // 1101 − 210 = 891 = 11·81, so 891 mod 11 = 0; K = 0.
        ("150585-01230", "1885-05-15"),
        // 290296-1234K, born 1996-02-29 (C = 1, 1996 is a leap year):
        // 2·1 + 9·6 + 0·3 + 2·7 + 9·9 + 6·10 + 1·5 + 2·8 + 3·4 + 4·2 = 2+54+0+14+81+60+5+16+12+8 = 252;
        // 1101 − 252 = 849; 849 − 11·77 = 2; K = 2.
        ("290296-12342", "1996-02-29"),
        // 311299-1000K, born 1999-12-31 (C = 1; a code beginning "31" is old form):
        // 3·1 + 1·6 + 1·3 + 2·7 + 9·9 + 9·10 + 1·5 + 0 + 0 + 0 = 3+6+3+14+81+90+5 = 202;
        // 1101 − 202 = 899; 899 − 11·81 = 8; K = 8.
        ("311299-10008", "1999-12-31"),
        // 010203-2123K, born 2003-02-01 (C = 2):
        // 0·1 + 1·6 + 0·3 + 2·7 + 0·9 + 3·10 + 2·5 + 1·8 + 2·4 + 3·2 = 0+6+0+14+0+30+10+8+8+6 = 82;
        // 1101 − 82 = 1019; 1019 − 11·92 = 7; K = 7.
        ("010203-21237", "2003-02-01"),
        // 010203-2223K: as above with the eighth digit 2 (weight 8): sum 90; 1101 − 90 = 1011;
        // 1011 − 11·91 = 10; 10 mod 10 = 0; K = 0 (the "mod 10" step).
        ("010203-22230", "2003-02-01"),
        // 290200-2000K, born 2000-02-29 (C = 2, 2000 is a leap year):
        // 2·1 + 9·6 + 0 + 2·7 + 0 + 0 + 2·5 + 0 + 0 + 0 = 2+54+14+10 = 80; 1101 − 80 = 1021;
        // 1021 − 11·92 = 9; K = 9.
        ("290200-20009", "2000-02-29"),
    ])
    func validOldForm(code: String, birth: String) {
        #expect(PersonalCode.validate(code) == .success(.old(birthDate: day(birth))))
        #expect(PersonalCode.validate(code, birthDate: day(birth)) == .success(.old(birthDate: day(birth))))
        #expect(PersonalCode.canonical(code) == code)
    }

    @Test("Every wrong check digit is refused")
    func badCheckDigit() {
        for k in 0...9 where k != 7 {
            #expect(error("161175-1999\(k)")?.code == .badCheckDigit)
        }
        #expect(error("150585-01231")?.code == .badCheckDigit)
        #expect(error("010203-22239")?.code == .badCheckDigit)  // 10 must become 0, not 9 or "10"
    }

    @Test("Impossible dates are refused", arguments: [
        "310299-10008",  // 31 February
        "290297-12342",  // 29 February 1997, not a leap year
        "290200-00009",  // 29 February 1800, a century not divisible by 400
        "290200-10009",  // 29 February 1900, likewise
        "311345-10008",  // month 13
        "000175-19997",  // day 0
        "160075-19997",  // month 0
        "310475-19997",  // 31 April
    ])
    func impossibleDate(code: String) {
        #expect(error(code)?.code == .impossibleDate)
    }

    @Test("Century digits other than 0, 1, 2 are malformed", arguments: 3...9)
    func badCentury(century: Int) {
        #expect(error("161175-\(century)9997")?.code == .malformed)
    }

    @Test("The birth date must match an old-form code's date")
    func birthDate() {
        #expect(PersonalCode.validate("161175-19997", birthDate: day("1975-11-16")) == .success(.old(birthDate: day("1975-11-16"))))
        #expect(PersonalCode.validate("161175-19997", birthDate: day("1975-11-17")) == .failure(mismatch))
        #expect(PersonalCode.validate("161175-19997", birthDate: day("2075-11-16")) == .failure(mismatch))
        // Other errors take precedence over the mismatch.
        #expect(PersonalCode.validate("161175-19998", birthDate: day("2000-01-01")).errorCode == .badCheckDigit)
        // New-form codes carry no date: any birth date goes.
        #expect(PersonalCode.validate("321234-56789", birthDate: day("2019-05-05")) == .success(.new))
    }

    private var mismatch: PersonalCodeError {
        guard case .failure(let error) = PersonalCode.validate("161175-19997", birthDate: day("1975-11-17")) else {
            Issue.record("expected a mismatch")
            return PersonalCodeError(code: .malformed, message: "")
        }
        #expect(error.code == .birthDateMismatch)
        return error
    }

    @Test("New-form codes: 3, then 2–9, then nine digits", arguments: [
        "321234-56789", "329999-99999", "390000-00000", "350101-00001", "32123456789",
    ])
    func validNewForm(code: String) {
        #expect(PersonalCode.validate(code) == .success(.new))
    }

    @Test("Malformed codes", arguments: [
        "", "3", "321234-5678", "321234-567890", "32123-456789", "3212345-6789", "321234--56789",
        "32123A-56789", "321234-5678X", " 321234-56789", "321234-56789 ", "321234 56789", "321234/56789",
        "321234\u{2013}56789", "3212345678", "321234567890", "-32123456789", "16117519997-", "１61175-19997",
    ])
    func malformed(code: String) {
        #expect(error(code)?.code == .malformed)
    }

    @Test("Codes beginning 30 or 31 are old form, never new form", arguments: [
        "301234-56789",  // day 30, month 12, year 34, century digit 5: not a century
        "311234-56789",
        "310000-00000",  // month 0
        "301375-19997",  // month 13
    ])
    func thirtyAndThirtyOne(code: String) {
        let result = PersonalCode.validate(code)
        #expect(result != .success(.new))
        #expect(result.errorCode != nil)
    }

    @Test("The hyphen may be left out; canonical form restores it")
    func withoutHyphen() {
        #expect(PersonalCode.validate("16117519997") == .success(.old(birthDate: day("1975-11-16"))))
        #expect(PersonalCode.canonical("16117519997") == "161175-19997")
        #expect(PersonalCode.canonical("32123456789") == "321234-56789")
        #expect(PersonalCode.canonical("321234-56789") == "321234-56789")
        #expect(PersonalCode.canonical("161175-19998") == nil)
        #expect(error("16117519998")?.code == .badCheckDigit)
    }

    @Test("Errors never contain the code")
    func errorsDoNotLeak() {
        let codes = [
            "161175-19998", "16117519998", "310299-10008", "161175-39997", "311234-56789", "32123A-56789",
            "321234-5678", "011111-11111", "999999-99999", "000000-00000",
        ]
        var errors: [(String, PersonalCodeError)] = codes.compactMap { code in error(code).map { (code, $0) } }
        if case .failure(let error) = PersonalCode.validate("161175-19997", birthDate: day("1975-11-17")) {
            errors.append(("161175-19997", error))
        }
        #expect(errors.count == codes.count + 1)
        for (code, error) in errors {
            let digits = String(code.filter(\.isNumber))
            for text in [error.message, error.description, "\(error)", String(describing: error.code)] {
                #expect(!text.contains(code))
                #expect(!text.contains(digits))
                #expect(!text.contains(String(digits.prefix(6))), "the birth-date part leaked")
                #expect(!text.contains(String(digits.suffix(5))))
            }
            #expect(!error.message.isEmpty)
        }
    }

    @Test("Error codes compare by kind")
    func errorCodes() {
        #expect(PersonalCodeError.Code.malformed != .badCheckDigit)
        #expect(PersonalCodeError.Code.impossibleDate == .impossibleDate)
        #expect(String(describing: PersonalCodeError.Code.birthDateMismatch) == "birthDateMismatch")
    }
}

extension Result where Success == PersonalCode.Form, Failure == PersonalCodeError {
    fileprivate var errorCode: PersonalCodeError.Code? {
        if case .failure(let error) = self { return error.code }
        return nil
    }
}
