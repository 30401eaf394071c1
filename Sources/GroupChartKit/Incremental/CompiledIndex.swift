import Foundation

/// The index of an opened cache file (`CompiledDocuments.open`): where each
/// entry lies and the hash of its bytes, found by the entry's path without
/// a string made for every path. At 20,000 notes a dictionary of 22,000
/// paths, each a string made from the index's bytes and hashed as one, was
/// most of opening the cache, a twentieth of a `check` answered from the
/// build (`perf`): here each path stays in the index's bytes, and a
/// dictionary of integers (the hash of its bytes) leads to it.
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
    /// do are chained through `next` (-1 ends a chain).
    private var first: [Int: Int32] = [:]
    private var next: [Int32] = []

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
        let (key, isNew) = bytes.withUnsafeBytes { raw -> (Int, Bool) in
            let text = UnsafeRawBufferPointer(rebasing: raw[path])
            let key = Self.key(of: text)
            var at = first[key] ?? -1
            while at >= 0 {
                if Self.equal(UnsafeRawBufferPointer(rebasing: raw[paths[Int(at)]]), text) { return (key, false) }
                at = next[Int(at)]
            }
            let isText = text.isASCII() || String(validating: text.bindMemory(to: UInt8.self), as: UTF8.self) != nil
            return (key, isText)
        }
        guard isNew else { return false }
        next.append(first[key] ?? -1)
        first[key] = Int32(places.count)
        paths.append(path)
        places.append(place)
        return true
    }

    /// Where the entry of `path` lies; `nil` when there is none.
    func place(of path: String) -> Place? {
        var path = path
        return path.withUTF8 { utf8 in
            let text = UnsafeRawBufferPointer(utf8)
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
