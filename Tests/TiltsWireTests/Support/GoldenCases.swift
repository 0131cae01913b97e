internal import TiltsWire

/// The Swift values of the cases `Fixtures/make_golden.py` builds, by case name.
enum GoldenCases {
    static let all: [String: Everything] = {
        var cases: [String: Everything] = ["empty": Everything()]

        var m = Everything()
        m.fInt32 = 150
        m.fInt64 = 1 << 40
        m.fUint32 = 4_000_000_000
        m.fUint64 = (1 << 63) + 5
        m.fSint32 = -75
        m.fSint64 = -(1 << 50)
        m.fFixed32 = 0xDEAD_BEEF
        m.fFixed64 = UInt64.max - 1
        m.fSfixed32 = -123_456
        m.fSfixed64 = -(1 << 62)
        m.fFloat = 1.5
        m.fDouble = 0.1
        m.fBool = true
        m.fString = "hello"
        m.fBytes = [0x00, 0x01, 0xFE, 0xFF]
        m.fColor = .green
        cases["scalars"] = m

        m = Everything()
        m.fInt32 = -1
        m.fInt64 = .min
        m.fUint32 = .max
        m.fUint64 = .max
        m.fSint32 = .min
        m.fSint64 = .max
        m.fFixed32 = 1
        m.fFixed64 = 1
        m.fSfixed32 = .min
        m.fSfixed64 = .max
        m.fFloat = -.greatestFiniteMagnitude
        m.fDouble = -2.5e-300
        m.fColor = .negative
        cases["scalars_extreme"] = m

        m = Everything()
        m.fInt32 = -2
        cases["negative_int32_only"] = m

        m = Everything()
        m.fFloat = .infinity
        m.fDouble = -.infinity
        cases["float_specials"] = m

        m = Everything()
        m.fFloat = -0.0
        m.fDouble = -0.0
        cases["negative_zero"] = m

        m = Everything()
        m.fString = "Rīga — ģimene 👪 \"quoted\" \\ \n\t\u{0001}"
        m.fBytes = Array(0...255)
        cases["non_ascii"] = m

        m = Everything()
        m.fNested = Nested(id: 7, label: "outer", children: [Nested(id: 8), Nested(label: "x", children: [Nested(id: 9)])])
        cases["nested"] = m

        m = Everything()
        m.fNested = Nested()
        cases["nested_empty_present"] = m

        m = Everything()
        m.rInt32 = [1, -1, 300, 0]
        m.rSint64 = [-3, 3, -(1 << 40)]
        m.rFixed32 = [1, 2, 0xFFFF_FFFF]
        m.rDouble = [0.5, -0.0, 1e100]
        m.rBool = [true, false, true]
        m.rColor = [.red, .negative, Color(rawValue: 5)]
        m.rString = ["a", "", "ž"]
        m.rBytes = [[], [1, 2]]
        m.rNested = [Nested(id: 1), Nested(), Nested(label: "z")]
        m.rUnpackedInt32 = [5, -5, 0]
        m.rUnpackedUint64 = [0, .max]
        cases["repeated"] = m

        m = Everything()
        m.mStringInt32 = ["b": 2, "a": -1, "": 0, "ū": 7]
        m.mInt64Nested = [-5: Nested(id: 1), 10: Nested(label: "ten"), 0: Nested()]
        m.mBoolString = [true: "yes", false: ""]
        m.mSint32Color = [-1: .red, 2: Color(rawValue: 99)]
        cases["maps"] = m

        m = Everything()
        m.choice = .oString("chosen")
        cases["oneof_string"] = m

        m = Everything()
        m.choice = .oNested(Nested(id: 3))
        cases["oneof_nested"] = m

        m = Everything()
        m.choice = .oInt64(0)
        cases["oneof_int64_zero"] = m

        m = Everything()
        m.optInt32 = 0
        m.optString = ""
        m.optColor = .unspecified
        cases["optional_zero"] = m

        m = Everything()
        m.optInt32 = -9
        m.optString = "x"
        m.optColor = .red
        cases["optional_set"] = m

        m = Everything()
        m.fColor = Color(rawValue: 7)
        m.rColor = [.red, Color(rawValue: 42)]
        m.optColor = Color(rawValue: -100)
        cases["unknown_enum"] = m

        m = Everything()
        m.fTimestamp = Timestamp(seconds: 1_714_552_200, nanos: 250_000_000)
        m.rTimestamp = [
            Timestamp(seconds: 0), Timestamp(seconds: -1, nanos: 999_999_999),
            Timestamp(seconds: -62_135_596_800), Timestamp(seconds: 253_402_300_799, nanos: 999_999_999),
            Timestamp(seconds: 951_782_400, nanos: 1000), Timestamp(seconds: 1, nanos: 1),
        ]
        cases["timestamps"] = m

        m = Everything()
        m.fRenamed = 12
        m.fMaxNumber = 34
        cases["json_name_and_max_field"] = m
        return cases
    }()
}
