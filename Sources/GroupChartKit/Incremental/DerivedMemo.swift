import Foundation

/// What the rules derive from documents (a note's sentences, its words and
/// where they stand), kept between the checks of a long-running command
/// (`watch`, `serve`) under a key made of the SHA-256 of every file the
/// value was derived from. A saved note changes its file's digest, so only
/// the values it fed are derived again; every other finding comes out of the
/// same computation on the same inputs, so a check with the memo reports
/// exactly what a cold check does (`IncrementalEquivalenceTests`).
///
/// A value not asked for by one check is forgotten after it, so the memo
/// holds what the current practice needs and no more.
public final class DerivedMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: Any] = [:]
    private var used: [String: Any] = [:]
    private var hits = 0
    private var made: [String: Int] = [:]
    /// How many values of each purpose the last check derived rather than
    /// took from the memo (for the tests).
    private(set) var madeInLastCheck: [String: Int] = [:]
    /// The claims and claim files of the last check and build (`ClaimsMemo`).
    let claims = ClaimsMemo()

    public init() {}

    /// The value for `key` under `purpose`, derived by `make` when it is not
    /// kept. `key` is `nil` when an input has no digest (text made in
    /// memory): then nothing is kept.
    func value<Value>(_ purpose: String, key: String?, make: () -> Value) -> Value {
        guard let key else { return make() }
        if let value: Value = kept(purpose, key: key) { return value }
        let value = make()
        keep(value, purpose, key: key)
        return value
    }

    /// The value kept for `key` under `purpose`, if any (it is then kept
    /// for the next check too).
    func kept<Value>(_ purpose: String, key: String) -> Value? {
        let slot = purpose + "\u{1}" + key
        lock.lock()
        defer { lock.unlock() }
        guard let value = (used[slot] ?? kept[slot]) as? Value else { return nil }
        used[slot] = value
        hits += 1
        return value
    }

    /// Keeps `value`, just derived, for `key` under `purpose`.
    func keep<Value>(_ value: Value, _ purpose: String, key: String) {
        lock.lock()
        defer { lock.unlock() }
        used[purpose + "\u{1}" + key] = value
        made[purpose, default: 0] += 1
    }

    /// Ends a check: what it did not ask for is forgotten.
    func finishCheck() {
        lock.lock()
        if ProcessInfo.processInfo.environment["GROUPCHART_PHASES"] != nil {
            FileHandle.standardError.write(Data("groupchart: memo kept \(kept.count) used \(used.count) hits \(hits)\n".utf8))
        }
        hits = 0
        madeInLastCheck = made
        made = [:]
        kept = used
        used = [:]
        lock.unlock()
    }

    /// The key of a value derived from files with these digests (and any
    /// other text that decides it); `nil` when one digest is unknown.
    static func key(_ parts: [String]) -> String? {
        parts.contains("") ? nil : parts.joined(separator: "\u{2}")
    }
}
