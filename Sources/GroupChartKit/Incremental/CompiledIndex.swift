import Foundation

/// The index of an opened cache file (`CompiledDocuments.open`): where each
/// entry lies and the hash of its bytes, found by the entry's path without
/// a string made for every path. At 20,000 notes a dictionary of 22,000
/// paths, each a string made from the index's bytes and hashed as one, was
/// most of opening the cache, a twentieth of a `check` answered from the
/// build (`perf`): here each ASCII path stays in the index's bytes, and a
/// dictionary of integers (the hash of its bytes) leads to it.
///
/// Paths are told apart as that dictionary of strings told them apart: as
/// Swift compares strings, two spellings of one text (a precomposed "ë" and
/// an "e" with a combining diaeresis, a Kelvin sign and a K) are one path.
/// For ASCII paths that is comparing bytes; once a path beyond ASCII is
/// added, every path is kept by its string (`byString`), and a path beyond
/// ASCII asked of an index of ASCII paths is compared with each as a string.
struct CompiledIndex {
    struct Place {
        var entry: Range<Int>
        var hash: UInt64
    }

    /// The index's bytes, which hold the paths.
    private let bytes: [UInt8]
    private var paths: [Range<Int>] = []
    private var places: [Place] = []
    /// The first entry whose path's bytes hash to a key; the others that
    /// do are chained through `next` (-1 ends a chain). ASCII paths only.
    private var first: [Int: Int32] = [:]
    private var next: [Int32] = []
    /// Every path by its string, once one beyond ASCII was added.
    private var byString: [String: Int32]?

    init(bytes: [UInt8], capacity: Int = 0) {
        self.bytes = bytes
        paths.reserveCapacity(capacity)
        places.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
        first.reserveCapacity(capacity)
    }

    var count: Int { places.count }

    /// Adds the entry whose path is `bytes[path]`; false when that path is
    /// already there or is not UTF-8 (the cache is then not this program's).
    mutating func add(path: Range<Int>, _ place: Place) -> Bool {
        let isASCII = bytes.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[path]).isASCII() }
        if !isASCII || byString != nil {
            guard let text = UTF8Text.validated(bytes[path]) else { return false }
            var byString = self.byString ?? Dictionary(
                paths.indices.map { (String(decoding: bytes[paths[$0]], as: UTF8.self), Int32($0)) }, uniquingKeysWith: { first, _ in first })
            guard byString[text] == nil else { return false }
            byString[text] = Int32(places.count)
            self.byString = byString
            paths.append(path)
            places.append(place)
            next.append(-1)
            return true
        }
        let key = bytes.withUnsafeBytes { raw -> Int? in
            let text = UnsafeRawBufferPointer(rebasing: raw[path])
            let key = Self.key(of: text)
            var at = first[key] ?? -1
            while at >= 0 {
                if Self.equal(UnsafeRawBufferPointer(rebasing: raw[paths[Int(at)]]), text) { return nil }
                at = next[Int(at)]
            }
            return key
        }
        guard let key else { return false }
        next.append(first[key] ?? -1)
        first[key] = Int32(places.count)
        paths.append(path)
        places.append(place)
        return true
    }

    /// Where the entry of `path` lies; `nil` when there is none.
    func place(of path: String) -> Place? {
        if let byString { return byString[path].map { places[Int($0)] } }
        var bytesOfPath = path
        return bytesOfPath.withUTF8 { utf8 -> Place? in
            let text = UnsafeRawBufferPointer(utf8)
            // Beyond ASCII, asked of ASCII paths: it may be another spelling of one.
            guard text.isASCII() else {
                return paths.indices.first { String(decoding: bytes[paths[$0]], as: UTF8.self) == path }.map { places[$0] }
            }
            return bytes.withUnsafeBytes { raw -> Place? in
                var at = first[Self.key(of: text)] ?? -1
                while at >= 0 {
                    if Self.equal(UnsafeRawBufferPointer(rebasing: raw[paths[Int(at)]]), text) { return places[Int(at)] }
                    at = next[Int(at)]
                }
                return nil
            }
        }
    }

    /// Every entry, with its path as a string (an addendum's few, `CompiledDocuments.addendumEntries`).
    var all: [(path: String, place: Place)] {
        zip(paths, places).map { (String(decoding: bytes[$0], as: UTF8.self), $1) }
    }

    private static func key(of bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    private static func equal(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        first.count == second.count && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
    }
}
