// MARK: - A document's reading, by hand
//
// Each entry of the cache of compiled documents is one `DocumentReading`.
// Through `Decoder`'s containers its envelope (the file, the case of its
// document, its findings) cost as much as the progress note inside it: 7 %
// of a `check` reading the cache at 20,000 notes (`perf`), most of it the
// lookup of generic container types. These write and read the bytes
// `Codable` wrote for them (the same layout, byte for byte:
// `CompiledDocumentsTests.theHandWrittenEntryIsTheGenericOne`). Progress
// notes, session notes and submissions (`CompactSubmission.swift`) are
// written by hand; the rarer kinds of document keep the generic path.

extension DocumentReading {
    func put(into encoder: CompactEncoder) throws {
        try encoder.optional(file) { try $0.put(into: encoder) }
        if case .progressNote(let session, let note) = document {
            // As `Codable` writes an enum's case: its name, then its values.
            encoder.string("progressNote")
            encoder.string(session)
            try note.put(into: encoder)
        } else if case .sessionNote(let session, let note) = document {
            encoder.string("sessionNote")
            encoder.string(session)
            try encoder.optional(note) { try $0.put(into: encoder) }
        } else if case .submission(let submission) = document {
            encoder.string("submission")
            submission.put(into: encoder)
        } else {
            try document.encode(to: encoder)
        }
        try encoder.list(findings) { try $0.put(into: encoder) }
    }

    static func get(from decoder: CompactDecoder) throws -> DocumentReading {
        let file = try decoder.optional { try SourceFile.get(from: decoder) }
        let name = try decoder.caseName()
        let document: Document
        if name == "progressNote" {
            document = .progressNote(session: try decoder.string(), try ProgressNote.get(from: decoder))
        } else if name == "sessionNote" {
            document = .sessionNote(session: try decoder.string(), try decoder.optional { try SessionNote.get(from: decoder) })
        } else if name == "submission" {
            document = .submission(try Submission.get(from: decoder))
        } else {
            // The generic path reads the case's name again: it is handed over.
            decoder.pendingKey = name
            document = try Document(from: decoder)
        }
        return DocumentReading(file: file, document: document, findings: try decoder.list { try ReadFinding.get(from: decoder) })
    }
}

extension SourceFile {
    /// As `encode(to:)` writes it: whether it holds its text, the path, the
    /// text if held, the place of an encoding problem if any, the digest,
    /// and the first line kept if the text is not held.
    func put(into encoder: CompactEncoder) throws {
        encoder.bytes.append(holdsText ? 1 : 0)
        encoder.string(path)
        if holdsText { encoder.string(text) }
        // Rare: the generic path.
        try encoder.putIfPresent(encodingProblem)
        encoder.string(sha256)
        if !holdsText { encoder.optional(keptFirstLine) { encoder.string($0) } }
    }

    static func get(from decoder: CompactDecoder) throws -> SourceFile {
        let holdsText = try decoder.bool()
        let path = try decoder.string()
        let text = holdsText ? try decoder.string() : ""
        let problem = try decoder.getIfPresent(EncodingProblem.self)
        let sha256 = try decoder.string()
        guard !holdsText else { return SourceFile(path: path, text: text, encodingProblem: problem, sha256: sha256) }
        return SourceFile(path: path, keptFirstLine: try decoder.optional { try decoder.string() }, encodingProblem: problem, sha256: sha256)
    }
}

extension ReadFinding {
    func put(into encoder: CompactEncoder) throws {
        encoder.string(rule)
        location.put(into: encoder)
        encoder.string(message)
        encoder.string(help)
        try encoder.putIfPresent(scope)
    }

    static func get(from decoder: CompactDecoder) throws -> ReadFinding {
        ReadFinding(rule: try decoder.string(), location: try decoder.location(), message: try decoder.string(),
                    help: try decoder.string(), scope: try decoder.getIfPresent(ClaimScope.self))
    }
}
