import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cache of compiled documents, `build/.groupchart-cache/documents.bin`:
/// each document of the last build as it came out of reading (its source
/// file, its model, its reading findings), in the compact form of
/// `CompactCoding`, under its path, kind and the SHA-256 of its bytes. A
/// later `build` or `check` takes a document whose bytes have that digest
/// from here instead of parsing it again: at 20,000 notes, reading from the
/// cache is a fraction of splitting, parsing YAML and Markdown and modelling.
///
/// The file is written whole by rename after a build has read the practice
/// (a killed build leaves the last one), one entry per document in path
/// order, so the same practice gives the same bytes. It starts with the
/// program's identity (version, built-in templates, the executable's path,
/// size and time), then the entries, then an index (each entry's path,
/// where it lies and a hash of its bytes), and ends with where the index
/// starts, the count of entries, a hash of the start and the index, and a
/// 64-bit hash of all that comes before (`StreamHash`): a cache of another
/// program, a truncated one or one changed on disk is ignored whole, and
/// every document is parsed as in a cold build. An entry that will not
/// decode is parsed too.
///
/// `open` reads the index alone, and each entry asked for when it is
/// asked for, checked against its hash: `check` after a few saves needs a
/// few hundred of 22,000 entries (`TextOnlyEdits`), and reading and hashing
/// the 60 MB of the whole file was a sixth of it.
///
/// A build that re-rendered only what saves of notes' text touched
/// (`TextOnlyBuild`) does not write the file again (60 MB at 20,000 notes,
/// for a few documents): it writes the documents it read anew to an
/// addendum beside it (`saved-documents.bin`, of the same form), which `read`
/// and `open` consult after the file itself. The next file written whole
/// takes the addendum's entries still current, and the addendum is removed
/// once that file is in place.
final class CompiledDocuments: @unchecked Sendable {
    static let name = "documents.bin"
    static let magic = Array("groupchart-documents 3\n".utf8)
    /// Where the index starts (8 bytes), the count (4), the hash of the
    /// start and the index (8), the hash of all before it (8).
    static let trailer = 8 + 4 + 8 + 8

    /// Where each entry's kind, digest and payload lie in `bytes`: the kind
    /// and digest are compared there, byte for byte, when a document is
    /// asked for (made into strings for each of 22,000 entries, they were a
    /// third of reading the cache).
    private struct Place: Sendable {
        var kind: Range<Int>
        var digest: Range<Int>
        var payload: Range<Int>
    }

    // Read from every core while a practice is read; changed only by
    // `letGo`, once reading is over.
    private var bytes: [UInt8]
    private var places: [String: Place]
    /// Opened (`open`): the file, and where each entry lies in it with the hash of its bytes.
    private let file: Int32
    private let index: CompiledIndex
    /// How many entries the file itself held.
    private let own: Int
    /// The addendum's entries, consulted after the file's.
    private var addendum: CompiledDocuments?

    /// How many entries it held, its addendum's included.
    var count: Int { own + (addendum?.count ?? 0) }

    /// The name of the addendum of the file `name`.
    static func addendumName(of name: String) -> String { "saved-" + name }

    /// The cache kept in `folder` (the cache folder), with its addendum, or
    /// `nil` when there is none or it is not whole and of this program.
    static func read(in folder: URL, name: String = CompiledDocuments.name) -> CompiledDocuments? {
        guard let bytes = wholeFile(folder.appendingPathComponent(name).path), let read = CompiledDocuments(bytes: bytes) else { return nil }
        if let added = wholeFile(folder.appendingPathComponent(addendumName(of: name)).path) { read.addendum = CompiledDocuments(bytes: added) }
        return read
    }

    init?(bytes: [UInt8], program: String = CompiledDocuments.program) {
        guard let layout = Layout(of: bytes.count, start: bytes.prefix(4096), trailer: bytes.suffix(Self.trailer)),
              layout.identity == program,
              Self.hash(bytes[..<(bytes.count - 8)]) == Self.number(bytes[(bytes.count - 8)...], width: 8) else { return nil }
        var reader = EntryReader(bytes: bytes, offset: layout.entries, end: layout.index)
        var places: [String: Place] = [:]
        while reader.offset < layout.index {
            guard let path = reader.text(), let kind = reader.textRange(), let digest = reader.textRange(),
                  let length = reader.number(), let payload = reader.skip(length) else { return nil }
            places[path] = Place(kind: kind, digest: digest, payload: payload)
        }
        guard places.count == layout.count else { return nil }
        self.bytes = bytes
        self.places = places
        file = -1
        index = CompiledIndex(bytes: [])
        own = places.count
    }

    /// The cache kept in `folder`, opened: its index read and checked, and
    /// each entry read when asked for (`payload`) and checked against the
    /// index's hash of it (one that fails is not there). `nil` as `read`.
    static func open(in folder: URL, name: String = CompiledDocuments.name) -> CompiledDocuments? {
        guard let opened = CompiledDocuments(opening: folder.appendingPathComponent(name).path) else { return nil }
        opened.addendum = CompiledDocuments(opening: folder.appendingPathComponent(addendumName(of: name)).path)
        return opened
    }

    private init?(opening path: String, program: String = CompiledDocuments.program) {
        guard let (descriptor, size) = Self.openCache(path) else { return nil }
        guard let trailer = Self.bytes(descriptor, at: size - Self.trailer, Self.trailer),
              let start = Self.bytes(descriptor, at: 0, min(4096, size)),
              let layout = Layout(of: size, start: start[...], trailer: trailer[...]), layout.identity == program,
              let indexBytes = Self.bytes(descriptor, at: layout.index, size - Self.trailer - layout.index) else {
            close(descriptor)
            return nil
        }
        var hash = StreamHash()
        hash.update(start[..<layout.entries])
        hash.update(indexBytes[...])
        var reader = EntryReader(bytes: indexBytes, offset: 0, end: indexBytes.count)
        // The trailer's count is not yet checked: an index entry takes 11
        // bytes at least (a text, two numbers, a hash), and a count changed
        // to hundreds of millions once asked for a 43 GB dictionary here,
        // which traps (CI: the damage test hit the count's top byte).
        var index = CompiledIndex(bytes: indexBytes, capacity: min(layout.count, indexBytes.count / 11))
        while reader.offset < indexBytes.count {
            // A path twice, or one not UTF-8: not a cache this program wrote.
            guard let path = reader.textRange(), let offset = reader.number(), let length = reader.number(),
                  let entryHash = reader.skip(8), offset >= layout.entries, length <= layout.index - offset,
                  index.add(path: path, .init(entry: offset..<(offset + length), hash: Self.number(indexBytes[entryHash], width: 8)))
            else {
                close(descriptor)
                return nil
            }
        }
        guard hash.finalize() == layout.indexHash, index.count == layout.count else {
            close(descriptor)
            return nil
        }
        bytes = []
        places = [:]
        file = descriptor
        self.index = index
        own = index.count
    }

    deinit {
        if file >= 0 { close(file) }
    }

    /// What the start and the trailer of a cache say: the program, where
    /// the entries and the index start, the count and the index's hash.
    private struct Layout {
        var identity: String
        var entries: Int
        var index: Int
        var count: Int
        var indexHash: UInt64

        init?(of size: Int, start: ArraySlice<UInt8>, trailer: ArraySlice<UInt8>) {
            guard size >= CompiledDocuments.magic.count + CompiledDocuments.trailer, start.starts(with: CompiledDocuments.magic),
                  trailer.count == CompiledDocuments.trailer else { return nil }
            let start = Array(start), trailer = Array(trailer)
            var reader = EntryReader(bytes: start, offset: CompiledDocuments.magic.count, end: start.count)
            guard let identity = reader.text() else { return nil }
            self.identity = identity
            entries = reader.offset
            index = Int(truncatingIfNeeded: CompiledDocuments.number(trailer[0..<8], width: 8))
            count = Int(CompiledDocuments.number(trailer[8..<12], width: 4))
            indexHash = CompiledDocuments.number(trailer[12..<20], width: 8)
            guard index >= entries, index <= size - CompiledDocuments.trailer else { return nil }
        }
    }

    /// The file at `path` opened for reading, with its size, when it is a
    /// regular file of at most a gibibyte (twenty times the cache of 20,000
    /// notes: a larger one is no cache this program wrote, and is not read).
    private static func openCache(_ path: String) -> (descriptor: Int32, size: Int)? {
        // Non-blocking: a FIFO put in its place would wait for a writer for ever
        // (holding the build lock); opened at once, it is no regular file.
        let descriptor = openFile(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size >= 0,
              status.st_size <= 1 << 30 else {
            close(descriptor)
            return nil
        }
        return (descriptor, Int(status.st_size))
    }

    /// `count` bytes of `descriptor` at `offset`, or `nil`.
    private static func bytes(_ descriptor: Int32, at offset: Int, _ count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, done in
            done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { complete = false; break }
                done += got
            }
        }
        return complete ? bytes : nil
    }

    /// The compiled `file` when the cache holds it with bytes of `digest`:
    /// the document, and its entry's bytes to keep in the next cache.
    func document(_ file: DiscoveredFile, digest: String?) -> (reading: DocumentReading, payload: ArraySlice<UInt8>)? {
        guard let digest, let payload = payload(of: file.path, kind: file.kind.key, digest: digest) else { return nil }
        guard let reading = try? CompactCoding.decode(DocumentReading.self, from: payload) else { return nil }
        return (reading, payload)
    }

    /// The bytes of the entry of `path` when it has that kind and digest,
    /// in the file or else in its addendum.
    func payload(of path: String, kind: String, digest: String) -> ArraySlice<UInt8>? {
        ownPayload(of: path, kind: kind, digest: digest) ?? addendum?.payload(of: path, kind: kind, digest: digest)
    }

    private func ownPayload(of path: String, kind: String, digest: String) -> ArraySlice<UInt8>? {
        if file >= 0 { return openedPayload(of: path, kind: kind, digest: digest) }
        guard let place = places[path], bytes[place.digest].elementsEqual(digest.utf8),
              bytes[place.kind].elementsEqual(kind.utf8) else { return nil }
        return bytes[place.payload]
    }

    /// The entries of the addendum of the file `name` in `folder`, to keep
    /// in the next one, read from it alone (those that fail their hash are
    /// not there).
    static func addendumEntries(in folder: URL, name: String) -> [Entry] {
        guard let addendum = CompiledDocuments(opening: folder.appendingPathComponent(addendumName(of: name)).path) else { return [] }
        return addendum.index.all.compactMap { path, place in
            guard let bytes = Self.bytes(addendum.file, at: place.entry.lowerBound, place.entry.count),
                  Self.hash(bytes[...]) == place.hash else { return nil }
            var reader = EntryReader(bytes: bytes, offset: 0, end: bytes.count)
            guard reader.text() == path, let kind = reader.text(), let digest = reader.text(), let length = reader.number(),
                  let payload = reader.skip(length), reader.offset == bytes.count else { return nil }
            return Entry(path: path, kind: kind, digest: digest, payload: bytes[payload])
        }
    }

    /// Writes `entries` as the addendum of the file `name` in `folder`
    /// (none: removes it). Like the cache's own files, it is written whole
    /// by rename and not flushed: it is checked whole when read.
    static func writeAddendum(_ entries: [Entry], in folder: URL, name: String) {
        let addendum = addendumName(of: name)
        guard !entries.isEmpty else {
            unlink(folder.appendingPathComponent(addendum).path)
            return
        }
        try? OutputFolder(root: folder).write(addendum, bytes(of: entries.sorted { $0.path.precedesInBytes($1.path) }), flush: false)
    }

    /// `payload`, of an opened cache: its entry read, checked and taken apart.
    private func openedPayload(of path: String, kind: String, digest: String) -> ArraySlice<UInt8>? {
        guard let place = index.place(of: path), let entry = Self.bytes(file, at: place.entry.lowerBound, place.entry.count),
              Self.hash(entry[...]) == place.hash else { return nil }
        var reader = EntryReader(bytes: entry, offset: 0, end: entry.count)
        guard reader.text() == path, let kindRange = reader.textRange(), entry[kindRange].elementsEqual(kind.utf8),
              let digestRange = reader.textRange(), entry[digestRange].elementsEqual(digest.utf8),
              let length = reader.number(), let payload = reader.skip(length), reader.offset == entry.count else { return nil }
        return entry[payload]
    }

    /// Frees the cache's bytes (60 MB at 20,000 notes) once the practice is
    /// read and every entry kept was copied into the next cache: held until
    /// the record was assembled, they made the peak of a build after an edit.
    func letGo() {
        bytes = []
        places = [:]
        addendum?.letGo()
    }

    /// What the cache is made of: the program that wrote it.
    static var program: String { "\(GroupChart.version) \(BuildCache.programIdentity)" }

    /// The bytes of a cache of `entries` (in the order given).
    static func bytes(of entries: [Entry], program: String = CompiledDocuments.program) -> [UInt8] {
        var bytes = magic
        append(text: program, to: &bytes)
        let start = bytes
        var index: [UInt8] = []
        for entry in entries {
            let offset = bytes.count
            append(entry: entry, to: &bytes)
            append(indexOf: entry.path, at: offset..<bytes.count, hash: hash(bytes[offset...]), to: &index)
        }
        bytes += ending(start: start[...], index: index, at: bytes.count, count: entries.count)
        append(fixed: hash(bytes[...]), width: 8, to: &bytes)
        return bytes
    }

    /// What ends a cache whose start (the magic and the program) is `start`
    /// and whose entries end at `indexStart`: the index, then where it
    /// starts, the count and the hash of the start and the index. The hash
    /// of all of the file before it follows.
    static func ending(start: ArraySlice<UInt8>, index: [UInt8], at indexStart: Int, count: Int) -> [UInt8] {
        var bytes = index
        var indexHash = StreamHash()
        indexHash.update(start)
        indexHash.update(index[...])
        append(fixed: UInt64(indexStart), width: 8, to: &bytes)
        append(fixed: UInt64(count), width: 4, to: &bytes)
        append(fixed: indexHash.finalize(), width: 8, to: &bytes)
        return bytes
    }

    /// An entry of the index: the path, where its entry lies, the hash of its bytes.
    static func append(indexOf path: String, at range: Range<Int>, hash: UInt64, to index: inout [UInt8]) {
        append(text: path, to: &index)
        append(number: UInt64(range.lowerBound), to: &index)
        append(number: UInt64(range.count), to: &index)
        append(fixed: hash, width: 8, to: &index)
    }

    /// One document as the cache keeps it.
    struct Entry: Sendable {
        var path: String
        var kind: String
        var digest: String
        var payload: ArraySlice<UInt8>

        /// `reading` of `file` with bytes of `digest`, encoded; `nil` when it
        /// has no digest (unreadable) or cannot be encoded.
        init?(_ file: DiscoveredFile, digest: String?, reading: DocumentReading) {
            guard let digest, let payload = try? CompactCoding.encode(reading) else { return nil }
            self.init(file, digest: digest, payload: payload[...])
        }

        init(path: String, kind: String, digest: String, payload: ArraySlice<UInt8>) {
            self.path = path
            self.kind = kind
            self.digest = digest
            self.payload = payload
        }

        init(_ file: DiscoveredFile, digest: String, payload: ArraySlice<UInt8>) {
            self.init(path: file.path, kind: file.kind.key, digest: digest, payload: payload)
        }
    }

    // MARK: - The file's parts

    /// One entry: its path, kind and digest, its payload's length, the payload.
    static func append(entry: Entry, to bytes: inout [UInt8]) {
        append(text: entry.path, to: &bytes)
        append(text: entry.kind, to: &bytes)
        append(text: entry.digest, to: &bytes)
        append(number: UInt64(entry.payload.count), to: &bytes)
        bytes.append(contentsOf: entry.payload)
    }

    static func append(number: UInt64, to bytes: inout [UInt8]) {
        var value = number
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    static func append(text: String, to bytes: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        append(number: UInt64(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    static func append(fixed value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for index in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }

    private static func number(_ bytes: ArraySlice<UInt8>, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(width).enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return value
    }

    /// The hash that guards the file: each 8-byte word (little-endian)
    /// xored in and multiplied by an odd constant, then the last bytes.
    /// Each step maps its word one to one, so a changed word always changes
    /// the result; it only has to tell a damaged file from a whole one (the
    /// entries' own digests name the documents), at a few milliseconds for
    /// 60 MB where a byte at a time took ten times as long.
    struct StreamHash {
        private var state: UInt64 = 0xcbf2_9ce4_8422_2325
        private var tail: [UInt8] = []

        mutating func update(_ bytes: ArraySlice<UInt8>) {
            var bytes = bytes
            if !tail.isEmpty {
                let taken = bytes.prefix(8 - tail.count)
                tail += taken
                bytes = bytes.dropFirst(taken.count)
                guard tail.count == 8 else { return }
                mix(tail.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
                tail = []
            }
            let words = bytes.count / 8
            bytes.withUnsafeBytes { raw in
                for index in 0..<words { mix(raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
            }
            tail = Array(bytes.suffix(bytes.count - words * 8))
        }

        private mutating func mix(_ word: UInt64) {
            state = (state ^ UInt64(littleEndian: word)) &* 0x100_0000_01b3
        }

        func finalize() -> UInt64 {
            var state = self.state
            for byte in tail { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return state ^ (state >> 31)
        }
    }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = StreamHash()
        hash.update(bytes)
        return hash.finalize()
    }

    /// Reads the parts of the entries, never past `end`.
    private struct EntryReader {
        let bytes: [UInt8]
        var offset: Int
        let end: Int

        mutating func number() -> Int? {
            var value = 0
            var shift = 0
            while offset < end, shift < 63 {
                let byte = bytes[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }

        mutating func skip(_ length: Int) -> Range<Int>? {
            guard length >= 0, length <= end - offset else { return nil }
            defer { offset += length }
            return offset..<(offset + length)
        }

        mutating func text() -> String? {
            guard let length = number(), let range = skip(length) else { return nil }
            return UTF8Text.validated(bytes[range])
        }

        /// A text's bytes, where they lie, not made into a string.
        mutating func textRange() -> Range<Int>? {
            guard let length = number() else { return nil }
            return skip(length)
        }
    }

    /// The whole file at `path`, read straight into an array (through
    /// `Data` it was copied twice: 60 MB at 20,000 notes).
    private static func wholeFile(_ path: String) -> [UInt8]? {
        guard let (descriptor, size) = openCache(path) else { return nil }
        defer { close(descriptor) }
        return bytes(descriptor, at: 0, size)
    }
}

/// open(2), out of the reach of `CompiledDocuments.open`'s name.
private func openFile(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
