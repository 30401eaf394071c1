import Foundation

/// Facts several rules need, derived from the model once per check and only
/// when a rule first asks: the claim chains, the authorization ledger, the
/// notes' 3-grams. Without it, each rule would derive them again.
public final class Analysis: @unchecked Sendable {
    /// Replaced once by `lettingGoOfNoteBodies(_:)`, between the rules'
    /// runs, when no rule reads it.
    public private(set) var record: PracticeRecord
    // One lock per memoised value: rules run on several threads, and one
    // rule deriving the 3-grams must not hold up another asking for chains.
    private let chainsLock = NSLock()
    private let ledgerLock = NSLock()
    private let textsLock = NSLock()
    private var memoChains: [ClaimChain]?
    private var memoLedger: AuthorizationLedger?
    private var memoNoteTexts: NoteTexts?
    private let billingLock = NSLock()
    private var memoClaimLedger: ClaimLedger?
    private let notesLock = NSLock()
    private var memoMemberNotes: [MemberNote]?
    private let signedLock = NSLock()
    private var memoSignedDocuments: [SignedDocument]?
    private let markdownLock = NSLock()
    private var memoMarkdownDocuments: [(kind: NoteKind, file: String, body: MarkdownBody)]?
    private let draftsLock = NSLock()
    private var memoAbsentDrafts: Set<String>?
    let foldersLock = NSLock()
    var memoDocumentFolders: [DocumentFolder]?

    /// Values derived from files, kept between the checks of `watch` and `serve`.
    let derivedMemo: DerivedMemo?
    /// A file's `sha256:` digest, for the memo's keys ("" for none): looked
    /// up in the record's index of files, not in a dictionary of its own
    /// (22,000 entries built for each check at 20,000 notes).
    func digest(_ path: String) -> String { record.digest(of: path) }

    /// What the rules derived in the last build, for a build or check without a memo.
    let cache: DerivedCache?
    /// The claim ledger holds the histories of the record's own claims
    /// alone (`ClaimLedger` `only:`): for a part of the practice whose
    /// findings are kept only where its sessions stand (`TextOnlyEdits`),
    /// where the ledger of a whole billing history (20,000 claims) was a
    /// tenth of a check after one edit.
    var ledgerOfOwnClaimsOnly = false

    public convenience init(record: PracticeRecord, memo: DerivedMemo? = nil) {
        self.init(record: record, memo: memo, cache: nil)
    }

    init(record: PracticeRecord, memo: DerivedMemo?, cache: DerivedCache?) {
        self.record = record
        self.derivedMemo = memo
        self.cache = memo == nil ? cache : nil
    }

    /// The value `make` derives from the files at `paths` (and `extra`, any
    /// other text that decides it), kept between checks when there is a memo.
    func derived<Value>(_ purpose: String, from paths: [String], extra: [String] = [], make: () -> Value) -> Value {
        guard derivedMemo != nil else { return make() }
        return derived(purpose, key: DerivedMemo.key(paths.map(digest) + paths + extra), make: make)
    }

    /// `derived`, under a `key` the caller makes (`DerivedMemo.key`), only
    /// when there is a memo: kept between the checks of `watch` and `serve`.
    func derived<Value>(_ purpose: String, key: @autoclosure () -> String?, make: () -> Value) -> Value {
        guard let derivedMemo else { return make() }
        return derivedMemo.value(purpose, key: key(), make: make)
    }

    /// Whether anything derived is kept past this check (a memo, or the
    /// build cache): without, keys are not worth making.
    var keepsDerived: Bool { derivedMemo != nil || cache != nil }

    /// A value derived from one session's files (its notes' 3-grams, the
    /// findings of `other-member-named`): kept between the checks of
    /// `watch` and `serve` as `derived` keeps values, and otherwise between
    /// builds in the build cache (`DerivedCache`) under the same key, when
    /// every file it is derived from has a digest.
    func derived<Value: Codable>(_ purpose: String, from paths: [String], extra: [String], cachedAs session: (id: String, index: Int),
                                 make: () -> Value) -> Value {
        derived(purpose, key: DerivedMemo.key(paths.map(digest) + paths + extra), cachedAs: session, make: make)
    }

    /// `derived`, under a `key` the caller made once (`DerivedMemo.key`)
    /// for several purposes: in the build cache it is kept under the
    /// purpose and the key, in the memo under the key in the purpose's slot.
    func derived<Value: Codable>(_ purpose: String, key: String?, cachedAs session: (id: String, index: Int),
                                 make: () -> Value) -> Value {
        if let cache {
            return cache.value(purpose, of: session.id, at: session.index, key: key.map { Self.cacheKey($0, for: purpose) }, make: make)
        }
        guard let derivedMemo else { return make() }
        return derivedMemo.value(purpose, key: key, make: make)
    }

    /// What a value derived under `key` for `purpose` is kept under in the
    /// build cache, whose files hold several purposes' values.
    static func cacheKey(_ key: String, for purpose: String) -> String {
        purpose + "\u{2}" + key
    }

    /// `derived`'s two halves, for a caller that derives the values it
    /// misses together (`SessionScopedFindings`): the value kept for `key`,
    /// or `nil`; and keeping one just derived.
    func kept<Value: Codable>(_ purpose: String, key: String?, cachedAs part: (id: String, index: Int)) -> Value? {
        guard let key else { return nil }
        if let cache { return cache.kept(purpose, of: part.id, at: part.index, key: Self.cacheKey(key, for: purpose)) }
        return derivedMemo?.kept(purpose, key: key)
    }

    func keep<Value: Codable>(_ value: Value, _ purpose: String, key: String?, cachedAs part: (id: String, index: Int)) {
        if let cache { return cache.keep(value, purpose, of: part.id, at: part.index, key: key.map { Self.cacheKey($0, for: purpose) }) }
        guard let key else { return }
        derivedMemo?.keep(value, purpose, key: key)
    }

    /// One chain per billable service whose member exists.
    public var claimChains: [ClaimChain] {
        memo(\.memoChains, chainsLock) {
            var owners: [String: ClaimChain.Owner] = [:]
            return record.services.compactMap { service in
                if let owner = owners[service.member] { return ClaimChain(service: service, owner: owner) }
                guard let member = record.member(service.member) else { return nil }
                let owner = ClaimChain.Owner(member: member, payer: member.insurance?.payer.flatMap { record.practice?.payer($0.value) })
                owners[service.member] = owner
                return ClaimChain(service: service, owner: owner)
            }
        }
    }

    public var ledger: AuthorizationLedger {
        memo(\.memoLedger, ledgerLock) { AuthorizationLedger(record: record) }
    }

    /// What was sent and what came back, per claim id.
    public var claimLedger: ClaimLedger {
        memo(\.memoClaimLedger, billingLock) {
            let known = Set(record.services.compactMap(\.claimID))
            return ClaimLedger(record: record, knownClaimIDs: known, only: ledgerOfOwnClaimsOnly ? known : nil)
        }
    }

    /// Every readable progress and individual note, in path order.
    public var memberNotes: [MemberNote] {
        memo(\.memoMemberNotes, notesLock) { readingNotes(); return Self.memberNotes(record, leavingOut: absentMembersDrafts) }
    }

    /// `Analysis.absentMembersDrafts`, found once for the rules of a
    /// written note and `empty-section`.
    public var absentMembersDrafts: Set<String> {
        memo(\.memoAbsentDrafts, draftsLock) { readingNotes(); return Self.absentMembersDrafts(record) }
    }

    /// Every readable note that must be signed, in path order.
    public var signedDocuments: [SignedDocument] {
        memo(\.memoSignedDocuments, signedLock) { readingNotes(); return Self.signedDocuments(record, memberNotes: memberNotes) }
    }

    /// `record.markdownDocuments`, listed and sorted once for the three
    /// rules that read every note's sections (each listed and sorted the
    /// 22,000 documents of the largest practice of `make bench` itself).
    public var markdownDocuments: [(kind: NoteKind, file: String, body: MarkdownBody)] {
        memo(\.memoMarkdownDocuments, markdownLock) { readingNotes(); return record.markdownDocuments }
    }

    public var noteTexts: NoteTexts {
        memo(\.memoNoteTexts, textsLock) {
            readingNotes()
            let texts = NoteTexts(record: record, analysis: self)
            cache?.finish(NoteTexts.purpose)
            return texts
        }
    }

    /// Drops the notes' 3-grams once the rules that compare notes have run:
    /// 57 MB at 20,000 notes that the claims, built next, would otherwise
    /// hold up at the build's peak. A long-running command keeps them in
    /// its `DerivedMemo` regardless.
    func forgetNoteTexts() {
        textsLock.lock()
        defer { textsLock.unlock() }
        memoNoteTexts = nil
    }

    /// Lets go of the notes' bodies in `record` (the practice this analysis
    /// reads) and takes it back without them, for the rules that read
    /// claims; drops the lists of notes, which hold the bodies up. Called
    /// between the two runs of rules, when no rule is
    /// running. A rule that reads claims must read no note (`Rule.readsClaims`):
    /// asked again, a list would be derived from the lean record, and a
    /// debug build stops there.
    func lettingGoOfNoteBodies(_ record: inout PracticeRecord) {
        bodiesLetGo = true
        notesLock.withLock { memoMemberNotes = nil }
        signedLock.withLock { memoSignedDocuments = nil }
        markdownLock.withLock { memoMarkdownDocuments = nil }
        // The analysis's own copy of the record goes first, so that
        // `record` holds the bodies alone and they are freed as it lets go of them.
        self.record = .empty
        record.letGoOfNoteBodies()
        self.record = record
    }

    /// Set by `lettingGoOfNoteBodies(_:)`; the lists of notes assert it is not.
    private var bodiesLetGo = false

    private func readingNotes() {
        assert(!bodiesLetGo, "a rule that reads claims asked for the notes after their bodies were let go")
    }

    func memo<Value>(_ slot: ReferenceWritableKeyPath<Analysis, Value?>, _ lock: NSLock, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = self[keyPath: slot] { return value }
        let value = make()
        self[keyPath: slot] = value
        return value
    }
}
