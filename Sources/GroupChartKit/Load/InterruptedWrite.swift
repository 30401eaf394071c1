/// The hidden names `sign` and `new` write under before renaming into place
/// (`AtomicWrite`): `.<note>.groupchart-<UUID>` beside a note signed, and a
/// folder `.groupchart-staging-<UUID>` for notes created. Stopped before the
/// rename (killed, the power cut), the command leaves one: a copy of a
/// note, which no editor shows and `git add .` commits. Listed as strays,
/// so that `check` says to delete them (a fault-injection review: one
/// outlived every later `sign`, `build` and `check` without a word).
enum InterruptedWrite {
    static let copyMarker = ".groupchart-"
    static let stagingPrefix = ".groupchart-staging-"

    /// The hidden name a note `name` is written under while it is replaced.
    static func copyName(of name: String, id: String) -> String { "." + name + copyMarker + id }

    /// Whether `name` is one of those names: a dot, then a note's name or
    /// "groupchart-staging", then a UUID (36 characters of hex digits and hyphens).
    static func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: copyMarker, options: .backwards) else { return false }
        var id = name[marker.upperBound...]
        if name.hasPrefix(stagingPrefix), marker.lowerBound == name.startIndex { id = name.dropFirst(stagingPrefix.count) }
        return id.count == 36 && id.allSatisfy { $0.isHexDigit || $0 == "-" }
    }
}
