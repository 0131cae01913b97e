internal import TiltsMessages
internal import TiltsWire

// libFuzzer target `wire-decode`: arbitrary bytes decoded as protobuf binary into rich message
// types. Decoding may throw but must never trap; whatever decodes must re-encode to bytes that
// decode to an equal message, and re-encoding that must give the same bytes (the encoder is
// deterministic). The golden test type `Everything` (Tests/TiltsWireTests/Support/GoldenTypes.swift,
// compiled into this harness) covers every field kind: scalars, packed and unpacked repeated,
// maps, oneofs, optionals, nested and well-known Timestamp messages.

@_cdecl("LLVMFuzzerTestOneInput")
public func wireDecodeFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    checkRoundTrip(Everything.self, bytes)
    checkRoundTrip(SubmitReferralRequest.self, bytes)
    checkRoundTrip(Event.self, bytes)
    return 0
}

func checkRoundTrip<M: Message>(_ type: M.Type, _ bytes: [UInt8]) {
    guard let first = try? M(serializedBytes: bytes) else { return }
    let encoded = first.serializedBytes()
    let second: M
    do {
        second = try M(serializedBytes: encoded)
    } catch {
        fatalError("\(M.protoMessageName): our own encoding does not decode: \(error)")
    }
    // A NaN makes a message unequal to itself; the byte comparison below still holds then.
    // (`first == first` would not tell: arrays sharing storage compare equal without looking.)
    if first == (try? M(serializedBytes: bytes)) {
        precondition(second == first, "\(M.protoMessageName): decode(encode(m)) != m")
    }
    precondition(second.serializedBytes() == encoded, "\(M.protoMessageName): re-encoding is not stable")
    _ = first.jsonString()
}
