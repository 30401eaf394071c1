import GroupChartKit

/// The document kinds an input can ask for with its first byte.
let kinds: [DocumentKind] = [
    .practice,
    .group(id: "skills"),
    .profile(member: "doe-jane"),
    .plan(member: "doe-jane"),
    .sessionNote(session: "2026-03-05-skills"),
    .progressNote(session: "2026-03-05-skills", member: "doe-jane"),
    .individualNote(member: "doe-jane"),
]

/// One input: the first byte picks the kind of document (its
/// value modulo 7, in the order of `kinds`), the rest is the document's bytes,
/// read through every reading stage (decode, front-matter, YAML, Markdown,
/// sections, goals, attendance) and rendered as a record's HTML would be.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = bytes.first else { return 0 }
    let document = Array(bytes.dropFirst())
    DocumentFuzzing.read(bytes: document, kind: kinds[Int(first) % kinds.count])
    _ = CommonMark.html(String(decoding: document, as: UTF8.self))
    return 0
}
