internal import Testing
@testable internal import ReportingService
internal import TiltsMessages

/// Small-count suppression: primary rules, the complementary rule, and the centre's view.
@Suite struct DisclosureLedgerTests {
    @Test func countsFromOneToFourAreHiddenOutsideTheCentre() {
        var ledger = DisclosureLedger()
        let cells = [0, 1, 4, 5, 12].map { ledger.count($0) }
        let outside = ledger.resolve(suppressing: true)
        #expect(cells.map { outside.disclosure($0) } == [.shown, .suppressed, .suppressed, .shown, .shown])
        #expect(outside.count(cells[1]) == ReportCount(value: 0, disclosure: .suppressed), "a hidden count carries no value")
        #expect(outside.count(cells[3]) == ReportCount(value: 5, disclosure: .shown))
        let centre = ledger.resolve(suppressing: false)
        #expect(cells.map { centre.count($0).value } == [0, 1, 4, 5, 12])
        #expect(!centre.anySuppressed)
    }

    @Test func figuresFromFewerThanFiveChildrenAreHidden() {
        var ledger = DisclosureLedger()
        let fromFour = ledger.figure(1.5, children: 4)
        let fromFive = ledger.figure(1.25, children: 5)
        let none = ledger.figure(nil, children: 3)
        let derivedFew = ledger.derivedCount(120, children: 3)
        let derivedNone = ledger.derivedCount(0, children: 0)
        let outside = ledger.resolve(suppressing: true)
        #expect(outside.disclosure(fromFour) == .suppressed)
        #expect(outside.figure(fromFive) == ReportFigure(value: 1.25, disclosure: .shown))
        #expect(outside.disclosure(none) == .notAvailable, "nothing to compute it from, for everyone")
        #expect(ledger.resolve(suppressing: false).disclosure(none) == .notAvailable)
        #expect(outside.disclosure(derivedFew) == .suppressed)
        #expect(outside.count(derivedNone) == ReportCount(value: 0, disclosure: .shown))
    }

    @Test func sharesHideTheirNumeratorAndItsComplement() {
        var ledger = DisclosureLedger()
        let allOfSix = ledger.share(6, of: 6)
        let fiveOfSix = ledger.share(5, of: 6)  // 1 child did not improve
        let threeOfTwenty = ledger.share(3, of: 20)
        let tenOfTwenty = ledger.share(10, of: 20)
        let zeroOfNine = ledger.share(0, of: 9)
        let ofFour = ledger.share(0, of: 4)
        let ofNone = ledger.share(0, of: 0)
        let outside = ledger.resolve(suppressing: true)
        #expect(outside.figure(allOfSix) == ReportFigure(value: 1, disclosure: .shown))
        #expect(outside.disclosure(fiveOfSix) == .suppressed)
        #expect(outside.disclosure(threeOfTwenty) == .suppressed)
        #expect(outside.figure(tenOfTwenty) == ReportFigure(value: 0.5, disclosure: .shown))
        #expect(outside.disclosure(zeroOfNine) == .shown)
        #expect(outside.disclosure(ofFour) == .suppressed)
        #expect(outside.disclosure(ofNone) == .notAvailable)
    }

    @Test func aLoneHiddenPartGetsAComplementSoTheTotalGivesNothingAway() {
        // total 20 = 3 + 9 + 8: hiding 3 alone would leave 20 − 9 − 8 = 3.
        var ledger = DisclosureLedger()
        let total = ledger.count(20)
        let parts = [3, 9, 8].map { ledger.count($0) }
        ledger.line(total: total, parts: parts)
        let outside = ledger.resolve(suppressing: true)
        #expect(parts.map { outside.disclosure($0) } == [.suppressed, .shown, .suppressed], "the smallest positive part (8) is the complement")
        #expect(outside.disclosure(total) == .shown)
        let centre = ledger.resolve(suppressing: false)
        #expect(parts.map { centre.count($0).value } == [3, 9, 8])
    }

    @Test func twoHiddenPartsNeedNoComplement() {
        var ledger = DisclosureLedger()
        let total = ledger.count(30)
        let parts = [2, 4, 24].map { ledger.count($0) }
        ledger.line(total: total, parts: parts)
        let outside = ledger.resolve(suppressing: true)
        #expect(parts.map { outside.disclosure($0) } == [.suppressed, .suppressed, .shown])
        #expect(outside.disclosure(total) == .shown)
    }

    @Test func aHiddenTotalIsProtectedFromItsParts() {
        // 7 = 7 + 0 + 0 hides nothing; 4 = 4 + 0 hides the total and its part, which already makes two.
        var ledger = DisclosureLedger()
        let total = ledger.count(7)
        let parts = [7, 0, 0].map { ledger.count($0) }
        ledger.line(total: total, parts: parts)
        let hidden = ledger.count(4)
        let hiddenParts = [4, 0].map { ledger.count($0) }
        ledger.line(total: hidden, parts: hiddenParts)
        let outside = ledger.resolve(suppressing: true)
        #expect(outside.disclosure(total) == .shown && parts.allSatisfy { outside.disclosure($0) == .shown })
        #expect(outside.disclosure(hidden) == .suppressed)
        #expect(hiddenParts.map { outside.disclosure($0) } == [.suppressed, .shown])
    }

    @Test func complementsCascadeAcrossRowsAndColumns() {
        // A 2×2 table with row and column totals:
        //            a    b  | row
        //   x        2   10  |  12
        //   y        9    9  |  18
        //   column  11   19  |  30
        // Primary: x.a (2). Row x then hides x.b (10); column a hides y.a (9); column b then has
        // x.b alone and hides y.b; row y has two hidden. No line is left with one hidden entry.
        var ledger = DisclosureLedger()
        let xa = ledger.count(2), xb = ledger.count(10), ya = ledger.count(9), yb = ledger.count(9)
        let rx = ledger.count(12), ry = ledger.count(18), ca = ledger.count(11), cb = ledger.count(19)
        let grand = ledger.count(30)
        ledger.line(total: rx, parts: [xa, xb])
        ledger.line(total: ry, parts: [ya, yb])
        ledger.line(total: ca, parts: [xa, ya])
        ledger.line(total: cb, parts: [xb, yb])
        ledger.line(total: grand, parts: [rx, ry])
        ledger.line(total: grand, parts: [ca, cb])
        let outside = ledger.resolve(suppressing: true)
        let lines: [[DisclosureLedger.Cell]] = [[rx, xa, xb], [ry, ya, yb], [ca, xa, ya], [cb, xb, yb], [grand, rx, ry], [grand, ca, cb]]
        for line in lines {
            let hidden = line.filter { outside.disclosure($0) == .suppressed }.count
            #expect(hidden != 1, "a line with one hidden entry gives it away")
        }
        #expect([xa, xb, ya, yb].allSatisfy { outside.disclosure($0) == .suppressed })
        #expect([rx, ry, ca, cb, grand].allSatisfy { outside.disclosure($0) == .shown })
    }

    @Test func notAvailableCellsAreNeverComplements() {
        var ledger = DisclosureLedger()
        let total = ledger.count(10)
        let small = ledger.count(2)
        let missing = ledger.figure(nil, children: 0)
        let big = ledger.count(8)
        ledger.line(total: total, parts: [small, missing, big])
        let outside = ledger.resolve(suppressing: true)
        #expect(outside.disclosure(missing) == .notAvailable)
        #expect(outside.disclosure(big) == .suppressed)
    }
}
