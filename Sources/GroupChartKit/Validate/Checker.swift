/// The validate stage: runs every rule of the registry over the model and
/// gives each finding its configured severity.
public enum Checker {
    public struct Options: Sendable {
        /// The date the date rules measure against.
        public var today: LocalDate
        /// Warnings count as errors.
        public var strict: Bool
        /// Where the practice was found and the user stands, so that a
        /// command a diagnostic suggests works when pasted there; without
        /// it, paths are relative to the practice folder.
        public var location: PracticeLocation?

        public init(today: LocalDate, strict: Bool = false, location: PracticeLocation? = nil) {
            self.today = today
            self.strict = strict
            self.location = location
        }
    }

    /// Checks `record`. A long-running command passes the `memo` of its
    /// last check, so that what rules derive from unchanged files is not
    /// derived again.
    public static func check(_ record: PracticeRecord, options: Options, rules: [any Rule] = RuleRegistry.all,
                             memo: DerivedMemo? = nil) -> CheckReport {
        var record = record
        return check(&record, options: options, rules: rules, memo: memo, lettingGoOfNoteBodies: false)
    }

    /// `check`, taking what the rules derived in the last build from `cache`.
    static func check(_ record: PracticeRecord, options: Options, cache: DerivedCache?) -> CheckReport {
        var record = record
        return check(&record, options: options, lettingGoOfNoteBodies: false, cache: cache)
    }

    /// Checks `record` and, when `lettingGoOfNoteBodies`, leaves it with its
    /// notes' parsed bodies let go (`PracticeRecord.letGoOfNoteBodies`)
    /// as soon as the rules that read them have run, before the claims are
    /// built: at 20,000 notes the bodies are 95 MiB of the 220 MiB the heap
    /// held at its peak, while the claims were built beside them, and no
    /// claim and no rule that reads claims looks at a note's body. The
    /// record is taken `inout` so that no other copy holds the bodies up.
    static func check(_ record: inout PracticeRecord, options: Options, rules: [any Rule] = RuleRegistry.all,
                      memo: DerivedMemo? = nil, lettingGoOfNoteBodies: Bool, cache: DerivedCache? = nil) -> CheckReport {
        let settings = RuleSettings(record.practice?.ruleSettings ?? [], rules: rules)
        let analysis = Analysis(record: record, memo: memo, cache: cache)
        defer { memo?.finishCheck() }
        let regions = record.practice?.regions ?? []
        let enabled = Self.enabled(rules, settings: settings)
        let claimRulesReadNotes = enabled.contains { $0.readsClaims && $0.readsNoteTexts }
        func findings(_ rules: [any Rule], in scope: Analysis, billing: Billing?) -> [[Finding]] {
            Self.findings(of: rules, in: scope, options: options, settings: settings, billing: billing)
        }
        func diagnostics(_ rules: [any Rule], _ found: [[Finding]]) -> [Diagnostic] {
            Self.diagnostics(of: rules, found, options: options, settings: settings, regions: regions)
        }
        func run(_ rules: [any Rule], billing: Billing?) -> [Diagnostic] {
            // The rules that read one session at a time, on the sessions an edit touched (`SessionScopedFindings`).
            // Such a rule reads no claims and no notes' 3-grams (`SessionLocalRuleTests`).
            let local = rules.filter(\.isSessionLocal)
            let others = rules.filter { !$0.isSessionLocal }
            let extra = [options.today.description] + (options.location.map { [$0.root.path, $0.currentFolder ?? "", $0.inside] } ?? [])
            let scoped = SessionScopedFindings.findings(of: local, in: analysis, extra: extra) { findings($0, in: $1, billing: nil) }
            return diagnostics(local, scoped) + diagnostics(others, findings(others, in: analysis, billing: billing))
        }
        /// Runs `rules` in two turns, those that compare notes' 3-grams first,
        /// so that the 3-grams are let go before the other rules derive their
        /// own lists: at 20,000 notes, 36 MiB of 3-grams held through every
        /// rule made the peak of the check. (The report sorts the findings.)
        func runComparingNotesFirst(_ rules: [any Rule]) -> [Diagnostic] {
            let comparing = run(rules.filter(\.readsNoteTexts), billing: nil)
            if !claimRulesReadNotes { analysis.forgetNoteTexts() }
            return comparing + run(rules.filter { !$0.readsNoteTexts }, billing: nil)
        }
        var phases = PhaseTimes()
        // `check` builds the claims beside the rules, on a thread of its
        // own: they need no rule's findings until they are held, and built
        // after the rules they ran alone on one core (100 ms of a cold check
        // at 20,000 notes). Not where the notes' bodies are let go before
        // the claims are built (a build: the claims beside the bodies were
        // its peak of memory, and letting go writes the analysis's record,
        // which the thread reads), nor with a memo (`ClaimsMemo` keeps them).
        let unheld = memo == nil && !lettingGoOfNoteBodies
            ? Meanwhile { [record, analysis] in ClaimMaker(record: record, ledger: analysis.ledger).unheld() } : nil
        // The notes' 3-grams are derived on every core before the rules
        // start: derived by the first rule to ask, they took one core while
        // the other rule that compares notes waited for them (similar-notes
        // and cloned-note each 1.1 s at 20,000 notes, mostly waiting).
        if enabled.contains(where: \.readsNoteTexts) { _ = analysis.noteTexts }
        phases.mark("check: note texts")
        let first = runComparingNotesFirst(enabled.filter { !$0.readsClaims })
        cache?.finishAll()
        if lettingGoOfNoteBodies, !claimRulesReadNotes {
            analysis.lettingGoOfNoteBodies(&record)
        }
        if memo == nil { FreedMemory.giveBack() }
        phases.mark("check: rules")
        func billingOfThisCheck() -> Billing {
            let readiness = ClaimReadiness(record: record, report: CheckReport(diagnostics: first, fileCount: record.files.count, sources: [:]))
            let claims = (unheld?.take() ?? ClaimMaker(record: record, ledger: analysis.ledger).unheld()).held(by: readiness)
            return Billing(claims: claims, ledger: analysis.claimLedger,
                           batch: NextBatch(claims: claims, ledger: analysis.claimLedger, record: record, errors: first),
                           authorizations: analysis.ledger)
        }
        // A long-running command's last claims, when nothing they are built from changed.
        let billing = memo.map { $0.claims.billing(record: record, errors: first, today: options.today, make: billingOfThisCheck) }
            ?? billingOfThisCheck()
        phases.mark("check: claims")
        let second = run(enabled.filter(\.readsClaims), billing: billing)
        phases.mark("check: claim rules")
        // The files a diagnostic stands in (or points to), held with their
        // text; a note's line is read again when printed. Every file of the
        // practice was 22,000 copies into a dictionary in each check of watch.
        var sources: [String: SourceFile] = [:]
        for diagnostic in first + second {
            for path in [diagnostic.location.file] + diagnostic.related.map(\.location.file) where sources[path] == nil {
                if let file = record.file(path), file.holdsText { sources[path] = file }
            }
        }
        var report = CheckReport(diagnostics: first + second, fileCount: record.files.count, sources: sources)
        report.reread = SourceRereader(record)
        report.billing = billing
        return report
    }

    /// What each of `rules` finds in `scope`: the whole practice's analysis,
    /// or that of a part of it (`SessionScopedFindings`, `TextOnlyEdits`).
    /// Rules are independent readers of one immutable model: they run on
    /// every core, and the report sorts what they find. The rules that read
    /// claims run second, once the others have said which are held.
    static func findings(of rules: [any Rule], in scope: Analysis, options: Options, settings: RuleSettings,
                         billing: Billing?) -> [[Finding]] {
        let record = scope.record
        let readFindings = record.readFindings + settings.findings
        return ParallelMap.map(rules) { rule -> [Finding] in
            let context = RuleContext(record: record, today: options.today, location: options.location, analysis: scope, readFindings: readFindings,
                                      billing: billing, parameterValues: settings.parameters[rule.id] ?? [:])
            let started = ContinuousClock.now
            let findings = rule.check(context)
            PhaseTimes.ruleTook(rule.id, since: started)
            return findings
        }
    }

    /// `found` (each rule's findings, in the order of `rules`) as
    /// diagnostics, each with its configured severity.
    static func diagnostics(of rules: [any Rule], _ found: [[Finding]], options: Options, settings: RuleSettings,
                            regions: [ScopedRegion]) -> [Diagnostic] {
        zip(rules, found).flatMap { rule, findings in
            let configured = settings.severities[rule.id]
            return findings.map { finding in
                var severity = configured.flatMap { $0 } ?? finding.severity ?? rule.defaultSeverity
                if options.strict, severity == .warning { severity = .error }
                return Diagnostic(rule: rule.id, severity: severity, location: finding.location,
                                  message: finding.message, help: finding.help, related: finding.related,
                                  scope: finding.scope ?? ScopedRegion.scope(of: finding.location, in: regions))
            }
        }
    }

    /// The rules `settings` leaves on.
    static func enabled(_ rules: [any Rule], settings: RuleSettings) -> [any Rule] {
        rules.filter { rule in
            if case .some(.none) = settings.severities[rule.id] { return false }
            return true
        }
    }
}
