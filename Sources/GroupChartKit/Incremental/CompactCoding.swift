import Foundation

/// A compact, positional binary form of `Codable` values: what the cache of
/// compiled documents (`CompiledDocuments`) keeps of each document, what
/// the rules derived (`DerivedCache`) and the last build's entry
/// (`LastBuildFile`).
///
/// Keys are not written (a value is read back by the same program, field by
/// field in the order it was written, and the cache is versioned with the
/// program), integers are variable-length, and each string is written once
/// per value and then named by its index, so that the path every location
/// of a note repeats costs a few bytes and is one string again when read.
/// An optional carries a byte that says whether it is there; a list carries
/// its count; an enum's case carries its name.
///
/// Reading never traps: every read is bounds-checked and anything out of
/// place throws, so a corrupt or foreign cache is a cache miss, not a crash.
/// Dictionaries are refused (their keys would be lost); no compiled
/// document holds one.
///
/// The writing is `CompactEncoder` (CompactEncoder.swift), the reading
/// `CompactDecoder` (CompactDecoder.swift). The values read most often are
/// written and read by hand, in the same bytes `Codable` gives them: the
/// parts of every note and the progress note (CompactNoteValues.swift), the
/// session note (CompactSessionNote.swift), a document's reading
/// (CompactReading.swift) and a submission (CompactSubmission.swift).
enum CompactCoding {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = CompactEncoder()
        try encoder.put(value)
        return encoder.bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        let decoder = CompactDecoder(bytes)
        let value = try decoder.get(T.self)
        guard decoder.offset == bytes.endIndex, !decoder.damaged else { throw Failure(description: "bytes left over or damaged") }
        return value
    }
}
