import Testing
import TiltsRPC

@Suite struct GRPCTimeoutTests {
    @Test(arguments: [
        ("1H", Duration.seconds(3600)), ("2M", .seconds(120)), ("3S", .seconds(3)), ("250m", .milliseconds(250)),
        ("7u", .microseconds(7)), ("99999999n", .nanoseconds(99_999_999)),
    ])
    func parsesEveryUnit(text: String, expected: Duration) {
        #expect(GRPCTimeout.parse(text) == expected)
    }

    @Test(arguments: ["", "S", "10", "123456789S", "-1S", "1x", "1.5S"])
    func rejectsMalformedValues(text: String) {
        #expect(GRPCTimeout.parse(text) == nil)
    }

    @Test func formatRoundsUpAndFitsEightDigits() {
        #expect(GRPCTimeout.format(.milliseconds(1)) == "1000000n")
        #expect(GRPCTimeout.format(.seconds(30)) == "30000000u")
        #expect(GRPCTimeout.format(.seconds(86_400 * 400)) == "34560000S")
        #expect(GRPCTimeout.format(.seconds(86_400 * 4000)) == "5760000M")
        let formatted = GRPCTimeout.format(.seconds(1) + .nanoseconds(1))
        #expect(GRPCTimeout.parse(formatted)! >= .seconds(1) + .nanoseconds(1))
    }
}
