// MARK: - A submission, by hand
//
// A practice that bills keeps one 837P in submissions/ for each batch it
// sent, 5,000 claims each at most (`BatchSubmitter`). A build after one
// saved note takes every one of them from the cache of compiled documents:
// read through `Decoder`'s containers (each claim's fourteen fields, its two
// people's nine, each line's nine) the 20,000 claims of four batches were
// 17 % of that build (`perf`), more than the notes it rendered. These write
// and read the bytes `Codable` writes for them (the same layout, byte for
// byte: `CompiledDocumentsTests.theHandWrittenEntryIsTheGenericOne`): a
// keyed value's fields in order, an optional's presence byte, a
// string-backed enum's raw value, `Money` as its cents.

extension Submission {
    func put(into encoder: CompactEncoder) {
        encoder.string(file)
        encoder.optional(date) { $0.put(into: encoder) }
        encoder.located(interchangeControl, encoder.string)
        encoder.list(groupControls) { encoder.string($0) }
        encoder.list(claims) { $0.put(into: encoder) }
        location.put(into: encoder)
        encoder.optional(testIndicator) { $0.put(into: encoder) }
    }

    static func get(from decoder: CompactDecoder) throws -> Submission {
        Submission(file: try decoder.string(), date: try decoder.optional { try LocalDate.get(from: decoder) },
                   interchangeControl: try decoder.located(decoder.string),
                   groupControls: try decoder.list { try decoder.string() },
                   claims: try decoder.list { try SubmittedClaim.get(from: decoder) }, location: try decoder.location(),
                   testIndicator: try decoder.optional { try decoder.location() })
    }
}

extension SubmittedClaim {
    func put(into encoder: CompactEncoder) {
        billed.put(into: encoder)
        encoder.raw(frequency)
        encoder.optional(payerClaimNumber, encoder.string)
        location.put(into: encoder)
        encoder.string(groupControl)
        encoder.string(transactionControl)
    }

    static func get(from decoder: CompactDecoder) throws -> SubmittedClaim {
        SubmittedClaim(billed: try BilledClaim.get(from: decoder), frequency: try decoder.raw(Frequency.self),
                       payerClaimNumber: try decoder.optional(decoder.string), location: try decoder.location(),
                       groupControl: try decoder.string(), transactionControl: try decoder.string())
    }
}

extension BilledClaim {
    func put(into encoder: CompactEncoder) {
        encoder.string(id)
        patient.put(into: encoder)
        subscriber.put(into: encoder)
        encoder.raw(relationship)
        encoder.string(memberID)
        encoder.optional(groupNumber, encoder.string)
        encoder.string(payerName)
        encoder.string(payerID)
        encoder.optional(priorAuthorization, encoder.string)
        encoder.list(diagnoses) { encoder.string($0) }
        encoder.string(placeOfService)
        encoder.list(lines) { $0.put(into: encoder) }
        encoder.string(renderingNPI)
        encoder.string(renderingName)
        encoder.optional(renderingSentName) { $0.put(into: encoder) }
    }

    static func get(from decoder: CompactDecoder) throws -> BilledClaim {
        BilledClaim(id: try decoder.string(), patient: try Person.get(from: decoder), subscriber: try Person.get(from: decoder),
                    relationship: try decoder.raw(Claim.Relationship.self), memberID: try decoder.string(),
                    groupNumber: try decoder.optional(decoder.string), payerName: try decoder.string(),
                    payerID: try decoder.string(), priorAuthorization: try decoder.optional(decoder.string),
                    diagnoses: try decoder.list { try decoder.string() }, placeOfService: try decoder.string(),
                    lines: try decoder.list { try Line.get(from: decoder) }, renderingNPI: try decoder.string(),
                    renderingName: try decoder.string(), renderingSentName: try decoder.optional { try SentName.get(from: decoder) })
    }
}

extension BilledClaim.Person {
    func put(into encoder: CompactEncoder) {
        for field in [lastName, firstName, dob, sex, street, street2, city, state, zip] { encoder.string(field) }
        encoder.optional(sentName) { $0.put(into: encoder) }
    }

    static func get(from decoder: CompactDecoder) throws -> BilledClaim.Person {
        BilledClaim.Person(lastName: try decoder.string(), firstName: try decoder.string(), dob: try decoder.string(),
                           sex: try decoder.string(), street: try decoder.string(), street2: try decoder.string(),
                           city: try decoder.string(), state: try decoder.string(), zip: try decoder.string(),
                           sentName: try decoder.optional { try BilledClaim.SentName.get(from: decoder) })
    }
}

extension BilledClaim.SentName {
    func put(into encoder: CompactEncoder) {
        for field in [last, first, middle, suffix] { encoder.string(field) }
    }

    static func get(from decoder: CompactDecoder) throws -> BilledClaim.SentName {
        BilledClaim.SentName(last: try decoder.string(), first: try decoder.string(), middle: try decoder.string(),
                             suffix: try decoder.string())
    }
}

extension BilledClaim.Line {
    func put(into encoder: CompactEncoder) {
        encoder.optional(date) { $0.put(into: encoder) }
        encoder.string(cpt)
        encoder.list(modifiers) { encoder.string($0) }
        encoder.string(units)
        encoder.int(Int64(charge.cents))
        encoder.list(pointers) { encoder.int(Int64($0)) }
        for text in [placeOfService, renderingNPI, priorAuthorization] { encoder.optional(text, encoder.string) }
    }

    static func get(from decoder: CompactDecoder) throws -> BilledClaim.Line {
        BilledClaim.Line(date: try decoder.optional { try LocalDate.get(from: decoder) }, cpt: try decoder.string(),
                         modifiers: try decoder.list { try decoder.string() }, units: try decoder.string(),
                         charge: Money(cents: try decoder.integer(Int.self)),
                         pointers: try decoder.list { try decoder.integer(Int.self) },
                         placeOfService: try decoder.optional(decoder.string), renderingNPI: try decoder.optional(decoder.string),
                         priorAuthorization: try decoder.optional(decoder.string))
    }
}
