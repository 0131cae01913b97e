import Testing
import TiltsRPC

@Suite struct PercentEncodingTests {
    @Test func encodesNonPrintableAndPercentAndUnicode() {
        #expect(PercentEncoding.encode("ok 100%") == "ok 100%25")
        #expect(PercentEncoding.encode("\t\n") == "%09%0A")
        #expect(PercentEncoding.encode("☺") == "%E2%98%BA")
    }

    @Test func roundTripsTheInteropSpecialMessage() {
        let message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"
        #expect(PercentEncoding.decode(PercentEncoding.encode(message)) == message)
    }

    @Test func keepsMalformedEscapes() {
        #expect(PercentEncoding.decode("50%") == "50%")
        #expect(PercentEncoding.decode("%zz%4") == "%zz%4")
    }
}
