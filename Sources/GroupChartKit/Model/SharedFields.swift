/// A value's fields kept in one shared, copy-on-write box, so that a copy of
/// the value is one reference count instead of one per string, array and
/// located value inside it.
///
/// Why: the rules, the claims and the records walk the model by value
/// (`for note in session.progressNotes`), and each such walk copies every
/// note it passes. In a `watch` save at 20,000 notes, `perf` put 17 % of all
/// samples in `swift_retain` alone, and half of those in copies of
/// progress notes, sessions and the notes derived from them (a progress note
/// held about twenty references). The types keep their value semantics: a
/// write to a shared box copies it first.
struct SharedFields<Fields: Sendable & Equatable>: @unchecked Sendable, Equatable {
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
        set {
            if isKnownUniquelyReferenced(&box) { box.fields = newValue } else { box = Box(newValue) }
        }
    }

    /// The same box is equal without a look at its fields: `watch`
    /// compares the claims' inputs of one save with the last (`ClaimInputs`),
    /// and an unchanged note is the very note of the last check.
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
}
