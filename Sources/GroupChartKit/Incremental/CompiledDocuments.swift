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
/// size and time) and ends with the count of entries and a 64-bit FNV-1a
/// hash of all that comes before: a cache of another program, a truncated
/// one or one changed on disk is ignored whole, and every document is
/// parsed as in a cold build. An entry that will not decode is parsed too.
final class CompiledDocuments: @unchecked Sendable {
    static let name = "documents.bin"
    fileprivate static let magic = Array("groupchart-documents 1\n".utf8)

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
    /// How many entries it held.
    let count: Int

    /// The cache kept in `folder` (the cache folder), or `nil` when there is
    /// none or it is not whole and of this program.
    static func read(in folder: URL, name: String = CompiledDocuments.name) -> CompiledDocuments? {
        guard let bytes = wholeFile(folder.appendingPathComponent(name).path) else { return nil }
        return CompiledDocuments(bytes: bytes)
    }

    init?(bytes: [UInt8], program: String = CompiledDocuments.program) {
        let trailer = 4 + 8
        guard bytes.count >= Self.magic.count + trailer, bytes.starts(with: Self.magic) else { return nil }
        let end = bytes.count - trailer
        guard Self.hash(bytes[..<end]) == Self.number(bytes[(end + 4)...], width: 8) else { return nil }
        var reader = EntryReader(bytes: bytes, offset: Self.magic.count, end: end)
        guard let identity = reader.text(), identity == program else { return nil }
        var places: [String: Place] = [:]
        while reader.offset < end {
            guard let path = reader.text(), let kind = reader.textRange(), let digest = reader.textRange(),
                  let length = reader.number(), let payload = reader.skip(length) else { return nil }
            places[path] = Place(kind: kind, digest: digest, payload: payload)
        }
        guard places.count == Self.number(bytes[end..<(end + 4)], width: 4) else { return nil }
        self.bytes = bytes
        self.places = places
        count = places.count
    }

    /// The compiled `file` when the cache holds it with bytes of `digest`:
    /// the document, and its entry's bytes to keep in the next cache.
    func document(_ file: DiscoveredFile, digest: String?) -> (reading: DocumentReading, payload: ArraySlice<UInt8>)? {
        guard let digest, let payload = payload(of: file.path, kind: file.kind.key, digest: digest) else { return nil }
        guard let reading = try? CompactCoding.decode(DocumentReading.self, from: payload) else { return nil }
        return (reading, payload)
    }

    /// The bytes of the entry of `path` when it has that kind and digest.
    func payload(of path: String, kind: String, digest: String) -> ArraySlice<UInt8>? {
        guard let place = places[path], bytes[place.digest].elementsEqual(digest.utf8),
              bytes[place.kind].elementsEqual(kind.utf8) else { return nil }
        return bytes[place.payload]
    }

    /// Frees the cache's bytes (60 MB at 20,000 notes) once the practice is
    /// read and every entry kept was copied into the next cache: held until
    /// the record was assembled, they made the peak of a build after an edit.
    func letGo() {
        bytes = []
        places = [:]
    }

    /// What the cache is made of: the program that wrote it.
    static var program: String { "\(GroupChart.version) \(BuildCache.programIdentity)" }

    /// The bytes of a cache of `entries` (in the order given).
    static func bytes(of entries: [Entry], program: String = CompiledDocuments.program) -> [UInt8] {
        var bytes = magic
        append(text: program, to: &bytes)
        for entry in entries { append(entry: entry, to: &bytes) }
        append(fixed: UInt64(entries.count), width: 4, to: &bytes)
        append(fixed: hash(bytes[...].dropLast(4)), width: 8, to: &bytes)
        return bytes
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
    fileprivate static func append(entry: Entry, to bytes: inout [UInt8]) {
        append(text: entry.path, to: &bytes)
        append(text: entry.kind, to: &bytes)
        append(text: entry.digest, to: &bytes)
        append(number: UInt64(entry.payload.count), to: &bytes)
        bytes.append(contentsOf: entry.payload)
    }

    fileprivate static func append(number: UInt64, to bytes: inout [UInt8]) {
        var value = number
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    fileprivate static func append(text: String, to bytes: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        append(number: UInt64(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    fileprivate static func append(fixed value: UInt64, width: Int, to bytes: inout [UInt8]) {
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
            return String(validating: bytes[range], as: UTF8.self)
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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        // A cache larger than a gibibyte (twenty times that of 20,000 notes)
        // is no cache this program wrote: it is not read into memory.
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size >= 0,
              status.st_size <= 1 << 30 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = readBytes(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { complete = false; break }
                count += got
            }
        }
        return complete ? bytes : nil
    }

    /// Writes the cache of a build as its documents are read, in the order
    /// found whatever order the cores finish them in, so that the entries
    /// are never all held at once (60 MB at 20,000 notes, which made the
    /// peak of a cold build). The file is made under a temporary name and
    /// renamed into place by `commit`, once the build's outputs are in
    /// place: a build that fails or is stopped leaves the last cache (and
    /// no cache folder it made). A folder that cannot be written leaves the
    /// build without a cache, which is never an error.
    final class Writer: @unchecked Sendable {
        private let lock = NSLock()
        private let final: URL
        private let temporary: URL
        private let createdFolders: [URL]
        private var descriptor: Int32
        private var waiting: [Int: Entry?] = [:]
        private var next = 0
        private var buffer: [UInt8] = []
        private var hash = StreamHash()
        private var count = 0
        private var complete = false
        private var ended = false

        init?(in folder: URL, name: String = CompiledDocuments.name, program: String = CompiledDocuments.program) {
            var created: [URL] = []
            guard (try? OutputFolder(root: folder).makeFolder(folder, created: &created)) != nil else { return nil }
            final = folder.appendingPathComponent(name)
            temporary = OutputFolder.temporary(for: final)
            createdFolders = created
            guard let descriptor = OutputFolder.openNew(temporary) else {
                for folder in created.reversed() { rmdir(folder.path) }
                return nil
            }
            self.descriptor = descriptor
            buffer = CompiledDocuments.magic
            CompiledDocuments.append(text: program, to: &buffer)
        }

        /// The entry of the document found at `index` (`nil`: it has none);
        /// an index given twice, or after `finish`, is not written again.
        func add(_ entry: Entry?, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            guard !ended, index >= next, waiting[index] == nil else { return }
            waiting[index] = entry
            while let ready = waiting.removeValue(forKey: next) {
                next += 1
                if let entry = ready { append(entry) }
            }
            if buffer.count >= 1 << 20 { flush() }
        }

        private func append(_ entry: Entry) {
            CompiledDocuments.append(entry: entry, to: &buffer)
            count += 1
        }

        private func flush() {
            guard descriptor >= 0, !buffer.isEmpty else { buffer.removeAll(); return }
            hash.update(buffer[...])
            let written = OutputFolder.writeAll(descriptor, buffer)
            buffer.removeAll(keepingCapacity: true)
            if !written { takeBack() }
        }

        /// Ends the file; entries still waiting for one before them (a
        /// session a rule passed over) follow in order. `keep` false (every
        /// entry came from the cache there, which holds no others) takes it
        /// back instead.
        func finish(keep: Bool) {
            lock.lock()
            defer { lock.unlock() }
            guard !ended else { return }
            ended = true
            guard keep else { takeBack(); return }
            for index in waiting.keys.sorted() { if let entry = waiting[index] ?? nil { append(entry) } }
            waiting = [:]
            flush()
            CompiledDocuments.append(fixed: UInt64(count), width: 4, to: &buffer)
            // The count is not hashed, as in `bytes(of:)`: the entries it counts are.
            CompiledDocuments.append(fixed: hash.finalize(), width: 8, to: &buffer)
            guard descriptor >= 0 else { return }
            let written = OutputFolder.writeAll(descriptor, buffer)
            buffer = []
            close(descriptor)
            descriptor = -1
            if written { complete = true } else { takeBack() }
        }

        /// Puts the finished file in place (the build's outputs are).
        func commit() {
            lock.lock()
            defer { lock.unlock() }
            if !complete || rename(temporary.path, final.path) != 0 { takeBack() }
            complete = false
        }

        /// Takes the file back (a build that failed).
        func discard() {
            lock.lock()
            defer { lock.unlock() }
            takeBack()
        }

        deinit {
            // A writer let go without `commit` or `discard` leaves nothing.
            if descriptor >= 0 || complete { takeBack() }
        }

        private func takeBack() {
            ended = true
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            complete = false
            buffer = []
            unlink(temporary.path)
            for folder in createdFolders.reversed() { rmdir(folder.path) }
        }
    }
}

/// read(2), out of the reach of `CompiledDocuments.read`'s name.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
