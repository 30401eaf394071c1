/// Reads a postal address mapping (practice, member, subscriber).
enum AddressReader {
    static func read(_ fields: FieldReader) -> Address {
        defer { fields.finish() }
        let hint = "an address is {street: \"200 Harbor Way\", city: Oakland, state: CA, zip: \"94607-3710\"}"
        return Address(
            street: fields.text("street", required: true, hint: hint),
            street2: fields.text("street2"),
            city: fields.text("city", required: true, hint: hint),
            state: fields.parsed("state", required: true, hint: hint) { text in
                Identifier.states.contains(text) ? .success(text) : .failure(ScalarError(
                    "\"\(text)\" is not a US state", help: "write the two-letter USPS code in capitals, for example CA"))
            },
            zip: fields.parsed("zip", required: true, hint: hint) { text in
                Identifier.isZIP(text) ? .success(text) : .failure(ScalarError(
                    "\"\(text)\" is not a ZIP code", help: "write five digits or ZIP+4 in quotes, for example \"94607-3710\""))
            },
            location: fields.anchor)
    }
}
