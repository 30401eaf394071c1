import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stamp and SHA-256 of each document as a build last read it, kept in
/// `build/.groupchart-cache/inputs.tsv`: the next build takes the digest of
/// a document whose stamp is unchanged from here instead of reading and
/// hashing the file again, as git's index does. A build with nothing changed
/// then lists and stats the practice and reads no document at all.
///
/// Only stamps already settled when taken are kept (`FileStamp.isSettled`),
/// so a file written again within the same timestamp tick is never taken
/// for the one recorded; a file whose stamp was not is recorded with its
/// digest under `FileStamp.none`, which no file has (the digest the build
/// read, for `check` to tell what was saved since). One line per document,
/// tab-separated, after a version line; a path with a tab, a line break or
/// a backslash is not
/// recorded (it is read every time). A file that is not exactly this format
/// (another version's, truncated, edited, its lines out of path order or a
/// path twice) is ignored whole: the build reads everything, as a cold one does.
struct InputStamps: Sendable {
    struct Known: Sendable, Equatable {
        var stamp: FileStamp
        /// `sha256:<hex>` of the bytes the stamp describes.
        var digest: String

        /// The digest, when a file's stamp now is still the one recorded.
        func digest(ifStill now: FileStamp?) -> String? {
            guard let now, now != .none, now == stamp else { return nil }
            return digest
        }
    }

    /// One document's line.
    struct Entry: Sendable, Equatable {
        var path: String
        var known: Known
    }

    static let name = "inputs.tsv"
    private static let header = "groupchart-inputs 2"

    /// In path order (`precedesInBytes`), one per path: the order `discover`
    /// lists the documents in, so that each is found by walking both lists
    /// together (`matching`), not by a dictionary: at 20,000 notes, reading
    /// the file into one, looking up every document in it and comparing it
    /// with the next build's were 16 % of a build with nothing changed (`perf`).
    private(set) var entries: [Entry]

    /// The stamps of `entries`, in any order; a path given twice is kept
    /// once, the first time (written twice, the file would be damage to
    /// every build after).
    init(_ entries: [Entry]) {
        let inOrder = zip(entries, entries.dropFirst()).allSatisfy { $0.path.precedesInBytes($1.path) }
        guard !inOrder else {
            self.entries = entries
            return
        }
        // The standard sort is stable: of a path given twice, the first stays first.
        var unique: [Entry] = []
        for entry in entries.sorted(by: { $0.path.precedesInBytes($1.path) })
        where unique.last.map({ $0.path.precedesInBytes(entry.path) }) ?? true {
            unique.append(entry)
        }
        self.entries = unique
    }

    init(_ byPath: [String: Known]) {
        self.init(byPath.map { Entry(path: $0.key, known: $0.value) })
    }

    /// The stamps by path.
    var byPath: [String: Known] {
        Dictionary(entries.map { ($0.path, $0.known) }, uniquingKeysWith: { first, _ in first })
    }

    /// What is recorded of each of `found`, by its index there; `nil` for a
    /// document not recorded. `found` is in path order, as `discover` gives
    /// it (a document out of that order is only not found: read again).
    func matching(_ found: [DiscoveredFile]) -> [Known?] {
        var known = [Known?](repeating: nil, count: found.count)
        var line = 0
        for (index, file) in found.enumerated() {
            while line < entries.count, entries[line].path.precedesInBytes(file.path) { line += 1 }
            guard line < entries.count, entries[line].path == file.path else { continue }
            known[index] = entries[line].known
            line += 1
        }
        return known
    }

    /// The stamps kept in `folder` (the cache folder); `nil` when there are
    /// none or they are not exactly in this format.
    static func read(in folder: URL) -> InputStamps? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return InputStamps(bytes: data)
    }

    /// The stamps in `text`, the file's format; `nil` when it is not exactly that.
    init?(text: String) {
        self.init(bytes: Data(text.utf8))
    }

    /// Byte by byte, with no array made for a line or its fields: splitting
    /// 20,000 lines as Swift Characters took longer than the stats the file
    /// saves. Lines out of path order, or a path twice, are damage.
    private init?(bytes data: Data) {
        let parsed = data.withUnsafeBytes { raw -> [Entry]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let header = Array(Self.header.utf8) + [0x0A]
            guard bytes.starts(with: header), bytes.last == 0x0A else { return nil }
            var entries: [Entry] = []
            entries.reserveCapacity(bytes.count / 128)
            // Where each of a line's seven fields starts, and (last) where the line ends.
            var starts = [Int](repeating: 0, count: 8)
            var lineStart = header.count
            var previousPath: Range<Int>?
            while lineStart < bytes.count {
                var fields = 1
                starts[0] = lineStart
                var index = lineStart
                while bytes[index] != 0x0A {
                    if bytes[index] == 0x09 {
                        guard fields < 7 else { return nil }
                        starts[fields] = index + 1
                        fields += 1
                    }
                    index += 1
                }
                guard fields == 7 else { return nil }
                starts[7] = index + 1
                func field(_ number: Int) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[starts[number]..<(starts[number + 1] - 1)] }
                let pathBytes = field(0), digestBytes = field(6)
                guard !pathBytes.isEmpty, previousPath.map({ Self.precedes(bytes[$0], pathBytes) }) ?? true,
                      let size = Self.number(field(1)).flatMap(Int64.init(exactly:)),
                      let seconds = Self.number(field(2)).flatMap(Int64.init(exactly:)),
                      let nanoseconds = Self.number(field(3)).flatMap(Int64.init(exactly:)), let inode = Self.number(field(4)),
                      let changed = Self.number(field(5)).flatMap(Int64.init(exactly:)),
                      digestBytes.count == 71, digestBytes.starts(with: "sha256:".utf8),
                      let path = Self.text(pathBytes), let digest = Self.text(digestBytes)
                else { return nil }
                entries.append(Entry(path: path, known: Known(stamp: FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds,
                                                                               inode: inode, changed: changed), digest: digest)))
                previousPath = pathBytes.startIndex..<pathBytes.endIndex
                lineStart = index + 1
            }
            return entries
        }
        guard let parsed else { return nil }
        entries = parsed
    }

    /// `bytes` as text; `nil` when they are not UTF-8. Plain ASCII (every
    /// digest, and the paths of GroupChart's own layout) skips the generic
    /// validation, which was a third of reading the file (`perf`).
    private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        if UnsafeRawBufferPointer(buffer).isASCII() { return String(decoding: buffer, as: UTF8.self) }
        return UTF8Text.validated(buffer)
    }

    /// Whether path bytes `first` come strictly before `second` (`precedesInBytes`).
    private static func precedes(_ first: Slice<UnsafeBufferPointer<UInt8>>, _ second: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let common = min(first.count, second.count)
        let order = common == 0 ? 0 : memcmp(first.base.baseAddress! + first.startIndex, second.base.baseAddress! + second.startIndex, common)
        return order != 0 ? order < 0 : first.count < second.count
    }

    /// A decimal number of at most 20 digits that fits in a `UInt64` (no
    /// sign: stamps are not negative; an inode may take all 64 bits).
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(digit - 0x30))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }

    /// The file's text, in path order (the same stamps, the same bytes).
    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The file's bytes, written digit by digit: formatted with string
    /// interpolation, the 20,000 lines of the largest practice of `make
    /// bench` took 0.1 s of every build that changed a stamp (`perf`).
    var bytes: [UInt8] {
        var bytes = Array(Self.header.utf8) + [0x0A]
        bytes.reserveCapacity(entries.count * 170)
        for entry in entries where !entry.path.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) {
            let (path, known) = (entry.path, entry.known)
            let stamp = known.stamp
            guard stamp.size >= 0, stamp.seconds >= 0, stamp.nanoseconds >= 0, stamp.changed >= 0 else { continue }
            bytes.append(contentsOf: path.utf8)
            Self.appendField(UInt64(stamp.size), to: &bytes)
            Self.appendField(UInt64(stamp.seconds), to: &bytes)
            Self.appendField(UInt64(stamp.nanoseconds), to: &bytes)
            Self.appendField(stamp.inode, to: &bytes)
            Self.appendField(UInt64(stamp.changed), to: &bytes)
            bytes.append(0x09)
            bytes.append(contentsOf: known.digest.utf8)
            bytes.append(0x0A)
        }
        return bytes
    }

    /// A tab, then `number` in decimal.
    private static func appendField(_ number: UInt64, to bytes: inout [UInt8]) {
        bytes.append(0x09)
        let start = bytes.count
        var rest = number
        repeat {
            bytes.append(UInt8(rest % 10) + 0x30)
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }
}
