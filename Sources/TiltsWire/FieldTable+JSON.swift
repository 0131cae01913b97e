// Proto3 JSON driven by the field table.

extension FieldTable {
    /// Writes the message as a JSON object with lowerCamelCase member names, omitting fields
    /// without presence that hold their default value. Unknown fields are not written.
    func writeJSON(_ message: M, to writer: inout JSONWriter) {
        if let customJSON {
            customJSON.write(message, &writer)
            return
        }
        writer.beginObject()
        for field in fields { field.writeJSON(message, &writer) }
        writer.endObject()
    }

    /// Reads a message from a JSON object.
    ///
    /// Members may use the JSON name or the proto name. `null` leaves a field at its default.
    /// Unknown member names, a field given twice, and two members of one oneof all throw.
    func readJSON(_ json: JSONValue) throws -> M {
        if let customJSON { return try customJSON.read(json) }
        guard case .object(let members) = json else {
            throw WireError(code: .invalidJSONValue, message: "\(M.protoMessageName): expected an object, got \(json.kindName)")
        }
        var message = M()
        var seenFields = Set<Int>()
        var seenOneofs = Set<String>()
        for (name, value) in members {
            guard let index = nameIndex[name] else {
                throw WireError(code: .unknownJSONField, message: "\(M.protoMessageName) has no field named \"\(name)\"")
            }
            let field = fields[index]
            guard seenFields.insert(index).inserted else {
                throw WireError(code: .duplicateJSONField, message: "\(M.protoMessageName).\(field.descriptor.name) given twice")
            }
            if case .null = value { continue }
            if let oneof = field.descriptor.oneof, !seenOneofs.insert(oneof).inserted {
                throw WireError(
                    code: .duplicateJSONField, message: "\(M.protoMessageName): more than one member of oneof \(oneof) given")
            }
            do {
                try field.readJSON(&message, value)
            } catch let error as WireError {
                throw error.within(M.protoMessageName, field.descriptor.name)
            }
        }
        return message
    }
}
