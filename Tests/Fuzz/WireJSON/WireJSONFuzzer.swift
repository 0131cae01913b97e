internal import TiltsMessages
internal import TiltsWire

// libFuzzer target `wire-json`: arbitrary bytes (as UTF-8, invalid sequences repaired) parsed as
// proto3 JSON into rich message types. Parsing may throw but must never trap; whatever parses
// must print as JSON that parses back to an equal message, and encode to protobuf binary that
// decodes to an equal message.

@_cdecl("LLVMFuzzerTestOneInput")
public func wireJSONFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    checkJSONRoundTrip(Everything.self, text)
    checkJSONRoundTrip(SubmitReferralRequest.self, text)
    checkJSONRoundTrip(Event.self, text)
    return 0
}

func checkJSONRoundTrip<M: Message>(_ type: M.Type, _ text: String) {
    guard let first = try? M(jsonString: text) else { return }
    let printed = first.jsonString()
    let again: M
    do {
        again = try M(jsonString: printed)
    } catch {
        fatalError("\(M.protoMessageName): our own JSON does not parse: \(error)\n\(printed)")
    }
    let binary: M
    do {
        binary = try M(serializedBytes: first.serializedBytes())
    } catch {
        fatalError("\(M.protoMessageName): our own encoding does not decode: \(error)")
    }
    // A NaN makes a message unequal to itself (checked on an independent copy: arrays sharing
    // storage compare equal without looking).
    if first == (try? M(jsonString: text)) {
        precondition(again == first, "\(M.protoMessageName): parse(print(m)) != m\n\(printed)")
        precondition(binary == first, "\(M.protoMessageName): decode(encode(m)) != m")
    }
    precondition(again.jsonString() == printed, "\(M.protoMessageName): JSON printing is not stable")
}
