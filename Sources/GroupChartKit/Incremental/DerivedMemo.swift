import Foundation

/// What the rules derive from documents (a note's sentences, its words and
/// where they stand), kept between the checks of a long-running command
/// (`watch`, `serve`) under a key made of the SHA-256 of every file the
/// value was derived from. A saved note changes its file's digest, so only
/// the values it fed are derived again; every other finding comes out of the
/// same computation on the same inputs, so a check with the memo reports
/// exactly what a cold check does (`IncrementalEquivalenceTests`).
///
/// A value not asked for by one check is forgotten after it (unless the
/// check asked nothing of its purpose), so the memo holds what the current
/// practice needs and no more.
public final class DerivedMemo: @unchecked Sendable {
    private let lock = NSLock()
    /// By purpose, then by key.
    private var kept: [String: [String: Any]] = [:]
    private var used: [String: [String: Any]] = [:]
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
        lock.lock()
        defer { lock.unlock() }
        guard let value = (used[purpose]?[key] ?? kept[purpose]?[key]) as? Value else { return nil }
        used[purpose, default: [:]][key] = value
        hits += 1
        return value
    }

    /// Keeps `value`, just derived, for `key` under `purpose`.
    func keep<Value>(_ value: Value, _ purpose: String, key: String) {
        lock.lock()
        defer { lock.unlock() }
        used[purpose, default: [:]][key] = value
        made[purpose, default: 0] += 1
    }

    /// Ends a check: what it did not ask for is forgotten, but for the
    /// purposes it asked nothing of: a save that touched one session ran the
    /// rules that read one session at a time on that session alone
    /// (`SessionScopedFindings`), without asking for the section rules'
    /// per-folder findings, which the next edit of a plan or profile (every
    /// session again) still wants.
    func finishCheck() {
        lock.lock()
        for (purpose, values) in kept where used[purpose] == nil { used[purpose] = values }
        if ProcessInfo.processInfo.environment["GROUPCHART_PHASES"] != nil {
            let count = { (values: [String: [String: Any]]) in values.values.reduce(0) { $0 + $1.count } }
            FileHandle.standardError.write(Data("groupchart: memo kept \(count(kept)) used \(count(used)) hits \(hits)\n".utf8))
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
