import Foundation

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
/// (another version's, truncated, edited) is ignored whole: the build reads
/// everything, as a cold one does.
struct InputStamps: Sendable {
    struct Known: Sendable, Equatable {
        var stamp: FileStamp
        /// `sha256:<hex>` of the bytes the stamp describes.
        var digest: String
    }

    static let name = "inputs.tsv"
    private static let header = "groupchart-inputs 1"

    var byPath: [String: Known]

    init(_ byPath: [String: Known]) {
        self.byPath = byPath
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

    private init?(bytes data: Data) {
        // Byte by byte: splitting 20,000 lines as Swift Characters took
        // longer than the stats the file saves.
        let parsed = data.withUnsafeBytes { raw -> [String: Known]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard let first = lines.first, Array(first) == Array(Self.header.utf8), lines.last?.isEmpty == true else { return nil }
            lines.removeFirst()
            lines.removeLast()
            var byPath: [String: Known] = [:]
            byPath.reserveCapacity(lines.count)
            for line in lines {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard fields.count == 6, !fields[0].isEmpty, let size = Self.number(fields[1]).flatMap(Int64.init(exactly:)),
                      let seconds = Self.number(fields[2]).flatMap(Int64.init(exactly:)),
                      let nanoseconds = Self.number(fields[3]).flatMap(Int64.init(exactly:)), let inode = Self.number(fields[4]),
                      fields[5].count == 71,
                      fields[5].starts(with: "sha256:".utf8),
                      let path = String(validating: fields[0], as: UTF8.self), let digest = String(validating: fields[5], as: UTF8.self)
                else { return nil }
                byPath[path] = Known(stamp: FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds,
                                                      inode: inode), digest: digest)
            }
            return byPath
        }
        guard let parsed else { return nil }
        byPath = parsed
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

    /// The digest of the document at `path` when its stamp is still `stamp`.
    func digest(of path: String, stamp: FileStamp?) -> String? {
        guard let stamp, stamp != .none, let known = byPath[path], known.stamp == stamp else { return nil }
        return known.digest
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
        bytes.reserveCapacity(byPath.count * 170)
        for (path, known) in byPath.sorted(by: { $0.key.precedesInBytes($1.key) })
        where !path.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) {
            let stamp = known.stamp
            guard stamp.size >= 0, stamp.seconds >= 0, stamp.nanoseconds >= 0 else { continue }
            bytes.append(contentsOf: path.utf8)
            Self.appendField(UInt64(stamp.size), to: &bytes)
            Self.appendField(UInt64(stamp.seconds), to: &bytes)
            Self.appendField(UInt64(stamp.nanoseconds), to: &bytes)
            Self.appendField(stamp.inode, to: &bytes)
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
