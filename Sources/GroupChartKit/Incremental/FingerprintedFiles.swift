/// What a fingerprint found of each document: its bytes, their digest, and
/// the bytes the fingerprint hashes for it. A long-running command keeps the
/// last one in its memo (`DocumentMemo.lastFingerprint`), and its next build
/// looks again only at the files its poll saw change and at those a stamp
/// could not vouch for: at 20,000 notes, going over every file's memo entry,
/// building its dictionaries and hashing it part by part was 110 ms of each
/// save in `watch`.
struct FingerprintedFiles {
    /// One file as the fingerprint read it: `reading` is `nil` when a stamp
    /// said it was unchanged and a build (not a long-running command) did
    /// not read it.
    struct Read: Sendable {
        var path: String
        var reading: PracticeFile.Reading?
        var digest: String?
        var stamp: FileStamp?
    }

    /// The poll whose stamps the fingerprint took (`watch`): the next build
    /// can be told what changed since.
    var poll: FolderState?
    /// The documents, in the order found.
    let found: [DiscoveredFile]
    private(set) var digests: [String: String] = [:]
    /// The same digests in the order of `found` (`nil`: a file not read):
    /// `check` compares each with the last build's by its place, without
    /// looking 22,000 paths up (`TextOnlyEdits`).
    private(set) var inOrder: [String?] = []
    private(set) var files: [String: PracticeFile.Reading] = [:]
    /// The indices of the files to read again even when no poll says they
    /// changed: without a stamp of their own (a link), or stamped within the
    /// tick of a later write (`FileStamp.isSettled`).
    private(set) var unvouched: [Int] = []
    /// What the fingerprint hashes of each file, one after the other: its
    /// path, kind and digest, as `PartsHash` parts. Hashed in one go, not
    /// 130,000 small updates.
    private(set) var hashed: [UInt8] = []
    /// Where each file's part of `hashed` begins (and, last, where it ends).
    private(set) var starts: [Int] = []

    init(found: [DiscoveredFile], reads: [Read], now: Double) {
        self.found = found
        digests.reserveCapacity(reads.count)
        files.reserveCapacity(reads.count)
        for (index, read) in reads.enumerated() {
            digests[read.path] = read.digest
            // None to remove: a build vouched for by the stamps reads none.
            if let reading = read.reading { files[read.path] = reading }
            if !Self.vouches(read.stamp, now: now) { unvouched.append(index) }
        }
        inOrder = reads.map(\.digest)
        rehash(inOrder)
    }

    /// Takes in what was read again of the file at `index`.
    mutating func update(_ index: Int, with read: Read, now: Double) {
        let was = digests[read.path]
        digests[read.path] = read.digest
        inOrder[index] = read.digest
        files[read.path] = read.reading
        if !Self.vouches(read.stamp, now: now) { unvouched.append(index) }
        guard was != read.digest else { return }
        let part = Self.part(found[index], digest: read.digest)
        let range = starts[index]..<starts[index + 1]
        if part.count == range.count {
            hashed.replaceSubrange(range, with: part)
        } else {
            rehash(found.map { digests[$0.path] })
        }
    }

    /// Starts a round of updates: the files to read again whatever the poll says.
    mutating func takeUnvouched() -> [Int] {
        defer { unvouched = [] }
        return unvouched
    }

    private mutating func rehash(_ digests: [String?]) {
        hashed = []
        starts = []
        starts.reserveCapacity(found.count + 1)
        // Laid straight into `hashed`: a part made on its own first was an
        // array of its own for each of 22,000 files.
        hashed.reserveCapacity(found.count * 160)
        for (file, digest) in zip(found, digests) {
            starts.append(hashed.count)
            Self.lay(file, digest: digest, onto: &hashed)
        }
        starts.append(hashed.count)
    }

    /// `hashed` (with its `starts`) as it would be had the files at these
    /// indices of `found` the digests given: the fingerprint of the files
    /// as they were (`TextOnlyEdits`). Each part is put in place, as long
    /// as long as it was (a digest's length is fixed); `nil` otherwise.
    static func hashed(_ hashed: [UInt8], starts: [Int], found: [DiscoveredFile], digests: [String: String],
                       changing indices: [Int]) -> [UInt8]? {
        var bytes = hashed
        for index in indices {
            let part = part(found[index], digest: digests[found[index].path])
            let range = starts[index]..<starts[index + 1]
            guard part.count == range.count else { return nil }
            bytes.replaceSubrange(range, with: part)
        }
        return bytes
    }

    /// The parts hashed for a file: the path and the kind each ending in
    /// 1, the digest (or "unreadable") in 0.
    private static func part(_ file: DiscoveredFile, digest: String?) -> [UInt8] {
        var bytes: [UInt8] = []
        lay(file, digest: digest, onto: &bytes)
        return bytes
    }

    private static func lay(_ file: DiscoveredFile, digest: String?, onto bytes: inout [UInt8]) {
        PartsHash.lay(file.path, ending: 1, onto: &bytes)
        file.kind.appendKey(to: &bytes)
        bytes.append(1)
        PartsHash.lay(digest ?? "unreadable", onto: &bytes)
    }

    private static func vouches(_ stamp: FileStamp?, now: Double) -> Bool {
        stamp?.isSettled(before: now) == true
    }
}
