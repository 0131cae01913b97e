internal import TiltsRPC

// libFuzzer target `message-deframer`: the gRPC length-prefix deframer fed arbitrary bytes in
// arbitrary chunks. Input layout: byte 0 picks the message size limit, byte 1 the chunking; the
// rest is the stream. Oracle: the chunked deframer yields exactly the messages, and the same
// error, as a plain reference parse of the whole stream, and never a message over the limit.

let limits = [0, 1, 5, 64, 1_000, 1 << 16, 4 << 20]

@_cdecl("LLVMFuzzerTestOneInput")
public func messageDeframerFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let limit = limits[Int(data[0]) % limits.count]
    let chunking = Int(data[1])
    let stream = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))

    var deframer = MessageDeframer(maxMessageSize: limit)
    var messages: [[UInt8]] = []
    var failure: StatusCode?
    var offset = 0
    var round = 0
    feeding: while offset < stream.count {
        // Chunk sizes from 1 byte up, varying per round; chunking 0 feeds everything at once.
        let length = chunking == 0 ? stream.count : 1 + (chunking &* (round &+ 1) &+ round) % 97
        let end = min(stream.count, offset + length)
        stream[offset..<end].withUnsafeBytes { deframer.append($0) }
        offset = end
        round += 1
        while true {
            do {
                guard let message = try deframer.next() else { break }
                precondition(message.count <= limit, "a message over the limit was returned")
                messages.append(message)
            } catch let error as RPCError {
                failure = error.code
                break feeding
            } catch {
                fatalError("unexpected error type: \(error)")
            }
        }
    }

    let expected = referenceParse(stream, limit: limit)
    precondition(messages == expected.messages, "chunked deframing differs from the reference parse")
    precondition(failure == expected.failure, "chunked deframing failed differently: \(String(describing: failure))")
    if failure == nil {
        precondition(deframer.hasPartialMessage == expected.partial, "partial-message flag differs")
    }
    return 0
}

func referenceParse(_ stream: [UInt8], limit: Int) -> (messages: [[UInt8]], failure: StatusCode?, partial: Bool) {
    var messages: [[UInt8]] = []
    var index = 0
    while stream.count - index >= 5 {
        let flag = stream[index]
        let length = Int(stream[index + 1]) << 24 | Int(stream[index + 2]) << 16 | Int(stream[index + 3]) << 8
            | Int(stream[index + 4])
        if flag & 1 != 0 { return (messages, .internal, true) }
        if length > limit { return (messages, .resourceExhausted, true) }
        guard stream.count - index - 5 >= length else { break }
        messages.append(Array(stream[(index + 5)..<(index + 5 + length)]))
        index += 5 + length
    }
    return (messages, nil, index < stream.count)
}
