internal import Testing
internal import TiltsWire

/// Proto3 JSON details beyond the golden vectors: accepted spellings and rejected input.
@Suite("Proto3 JSON")
struct ProtoJSONTests {
    private func code(_ json: String) -> WireError.Code? {
        do {
            _ = try Everything(jsonString: json)
            return nil
        } catch let error as WireError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test("Output is compact, lowerCamelCase, ordered by field number, defaults omitted")
    func output() {
        var message = Everything()
        message.fInt64 = -5
        message.fInt32 = 3
        message.fRenamed = 1
        message.optInt32 = 0
        #expect(message.jsonString() == #"{"fInt32":3,"fInt64":"-5","optInt32":0,"customName":1}"#)
        #expect(Everything().jsonString() == "{}")
    }

    @Test("Both JSON names and proto names are accepted")
    func names() throws {
        let a = try Everything(jsonString: #"{"fInt32": 1, "customName": 2}"#)
        let b = try Everything(jsonString: #"{"f_int32": 1, "f_renamed": 2}"#)
        #expect(a == b && a.fInt32 == 1 && a.fRenamed == 2)
    }

    @Test("Unknown members are rejected", arguments: [#"{"nope": 1}"#, #"{"fint32": 1}"#, #"{"fNested": {"x": 1}}"#])
    func unknownField(json: String) {
        #expect(code(json) == .unknownJSONField)
    }

    @Test("A field given twice, or two members of one oneof, is rejected")
    func duplicates() {
        #expect(code(#"{"fInt32": 1, "f_int32": 2}"#) == .duplicateJSONField)
        #expect(code(#"{"fInt32": 1, "fInt32": 2}"#) == .duplicateJSONField)
        #expect(code(#"{"oString": "a", "oInt64": "1"}"#) == .duplicateJSONField)
        #expect(code(#"{"oString": null, "oInt64": "1"}"#) == nil)
    }

    @Test("null leaves a field at its default")
    func null() throws {
        let message = try Everything(jsonString:
            #"{"fInt32": null, "fNested": null, "rInt32": null, "mStringInt32": null, "optInt32": null, "fTimestamp": null}"#)
        #expect(message == Everything())
    }

    @Test("Integers accept numbers, strings and integral exponents")
    func integers() throws {
        let message = try Everything(jsonString:
            #"{"fInt32": "12", "fInt64": 9007199254740993, "fUint32": 1e3, "fUint64": "18446744073709551615", "fSint32": -0, "fFixed32": 4.0}"#)
        #expect(message.fInt32 == 12)
        #expect(message.fInt64 == 9_007_199_254_740_993)
        #expect(message.fUint32 == 1000)
        #expect(message.fUint64 == .max)
        #expect(message.fFixed32 == 4)
    }

    @Test("Out-of-range and non-integral integers are rejected", arguments: [
        #"{"fInt32": 2147483648}"#, #"{"fInt32": 1.5}"#, #"{"fUint32": -1}"#, #"{"fInt64": "9223372036854775808"}"#,
        #"{"fInt32": "0x10"}"#, #"{"fInt32": " 1"}"#, #"{"fInt32": true}"#, #"{"fInt32": 1e400}"#,
    ])
    func badIntegers(json: String) {
        #expect(code(json) == .invalidJSONValue)
    }

    @Test("Floats accept numbers, numeric strings, NaN and infinities")
    func floats() throws {
        let message = try Everything(jsonString:
            #"{"fFloat": "NaN", "fDouble": "1.25", "rDouble": ["Infinity", "-Infinity", -0.0, 1e-5]}"#)
        #expect(message.fFloat.isNaN)
        #expect(message.fDouble == 1.25)
        #expect(message.rDouble.map(\.description) == ["inf", "-inf", "-0.0", "1e-05"])
        #expect(code(#"{"fFloat": 1e39}"#) == .invalidJSONValue)
        #expect(code(#"{"fDouble": 1e309}"#) == .invalidJSONValue)
        #expect(code(#"{"fDouble": "nan"}"#) == .invalidJSONValue)
    }

    @Test("Bytes accept standard and URL-safe base64, padded or not")
    func bytes() throws {
        for spelling in ["+/8=", "-_8=", "+/8", "-_8"] {
            #expect(try Everything(jsonString: #"{"fBytes": "\#(spelling)"}"#).fBytes == [0xFB, 0xFF])
        }
        #expect(code(#"{"fBytes": "a"}"#) == .invalidJSONValue)
        #expect(code(#"{"fBytes": "ab=c"}"#) == .invalidJSONValue)
        #expect(code(#"{"fBytes": "YW Jj"}"#) == .invalidJSONValue)
    }

    @Test("Enums accept names and numbers, and reject unknown names")
    func enums() throws {
        #expect(try Everything(jsonString: #"{"fColor": "NEGATIVE"}"#).fColor == .negative)
        #expect(try Everything(jsonString: #"{"fColor": 12}"#).fColor == Color(rawValue: 12))
        #expect(code(#"{"fColor": "PURPLE"}"#) == .invalidJSONValue)
        #expect(code(#"{"fColor": "red"}"#) == .invalidJSONValue)
    }

    @Test("Map keys are parsed by key type")
    func mapKeys() throws {
        let message = try Everything(jsonString:
            #"{"mInt64Nested": {"-7": {}}, "mBoolString": {"true": "t"}, "mSint32Color": {"3": "RED"}}"#)
        #expect(message.mInt64Nested == [-7: Nested()])
        #expect(message.mBoolString == [true: "t"])
        #expect(message.mSint32Color == [3: .red])
        #expect(code(#"{"mBoolString": {"yes": "t"}}"#) == .invalidJSONValue)
        #expect(code(#"{"mInt64Nested": {"1.0": {}}}"#) == .invalidJSONValue)
        #expect(code(#"{"mStringInt32": {"a": null}}"#) == .invalidJSONValue)
    }

    @Test("Type mismatches are rejected", arguments: [
        #"{"fString": 1}"#, #"{"fBool": "true"}"#, #"{"rInt32": 1}"#, #"{"rInt32": [null]}"#,
        #"{"fNested": []}"#, #"{"mStringInt32": []}"#, #"{"fTimestamp": 0}"#, "[]", "1",
    ])
    func mismatches(json: String) {
        #expect(code(json) == .invalidJSONValue)
    }

    @Test("Malformed JSON is rejected", arguments: [
        "", "{", #"{"fInt32": 1,}"#, #"{"fInt32": 01}"#, #"{"fInt32": +1}"#, #"{"fString": "\ud800"}"#,
        "{\"fString\": \"a\u{0001}\"}", #"{"fString": "\x"}"#, #"{} {}"#, "{/* c */}", #"{'fInt32': 1}"#,
        #"{"fDouble": .5}"#, #"{"fDouble": 1.}"#, #"{"fInt32": -}"#, "nul",
    ])
    func malformed(json: String) {
        #expect(code(json) == .invalidJSON)
    }

    @Test("String escapes and surrogate pairs round-trip")
    func strings() throws {
        let message = try Everything(jsonString: #"{"fString": "\u0041\n\t\"\\\/\ud83d\udc6a\u00e9"}"#)
        #expect(message.fString == "A\n\t\"\\/👪é")
        #expect(try Everything(jsonString: message.jsonString()) == message)
        var control = Everything()
        control.fString = "\u{0001}\u{001F}"
        #expect(control.jsonString() == #"{"fString":"\u0001\u001f"}"#)
    }
}
