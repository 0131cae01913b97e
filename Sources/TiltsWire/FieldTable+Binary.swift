// Binary encoding and decoding driven by the field table.

extension FieldTable {
    /// Appends every present field in number order, then the unknown fields verbatim.
    func encode(_ message: M, into encoder: inout BinaryEncoder) {
        for field in fields { field.encode(message, &encoder) }
        if !message.unknownFields.isEmpty { encoder.writeRaw(message.unknownFields.data) }
    }

    /// Reads fields until the decoder's end, merging them into `message`.
    ///
    /// Known fields must arrive with their declared wire type (or, for packable repeated
    /// fields, length-delimited); unknown fields are kept in `message.unknownFields`.
    func decode(into message: inout M, from decoder: inout BinaryDecoder) throws {
        while !decoder.isAtEnd {
            let start = decoder.position
            let (number, wireType) = try decoder.readTag()
            guard let field = field(number: number) else {
                try decoder.skip(wireType)
                message.unknownFields.append(decoder.bytes[start..<decoder.position])
                continue
            }
            guard wireType == field.wireType || (field.acceptsPacked && wireType == .lengthDelimited) else {
                throw decoder.error(
                    .wrongWireType,
                    "wire type \(wireType.rawValue) for field \(number) declared \(field.descriptor.kind)", at: start
                ).within(M.protoMessageName, field.descriptor.name)
            }
            do {
                try field.decode(&message, &decoder, wireType)
            } catch let error as WireError {
                throw error.within(M.protoMessageName, field.descriptor.name)
            }
        }
    }
}
