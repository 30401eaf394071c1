/// How a build knows an output again when the output's stamp cannot tell
/// (written in the last two seconds, or dated back in vain): its length and
/// the 64-bit word hash that guards the cache of compiled documents
/// (`CompiledDocuments.StreamHash`), which always changes when a word of
/// the file does.
///
/// Why not SHA-256, as for the documents: an output only has to be told
/// from one edited or damaged by hand, never from one forged to match, and
/// the SHA-256 of 134 MB of records was 2.7 % of a cold build's processor
/// time at 20,000 notes (`perf`), where this hash takes a tenth of it.
enum OutputDigest {
    static func of(_ bytes: [UInt8]) -> String {
        let hash = CompiledDocuments.hash(bytes[...])
        return "w64:\(bytes.count):" + String(hash, radix: 16).leftPadded(to: 16)
    }
}
