/// When `groupchart sign` refuses a note: a signature attests a finished
/// note, and once given is changed only by an addendum. Each refusal says,
/// of the note ("it ..."), why and what to do.
enum SigningPolicy {
    /// Errors a signature does not wait for, though `check` may report them
    /// in the note:
    /// - those signing itself settles: `unsigned-note`, `signed-before-session`
    ///   (judged again against the new time) and `signature-mismatch` (judged
    ///   by `refuseSignature`);
    /// - those about the claim rather than the note, which the chain rules
    ///   report at line 1 of the member's note so that the held claim is
    ///   visible, but which no edit of the note can fix (coverage,
    ///   authorization, the plan, the filing deadline), and those of the
    ///   billing history (`claim-rejected` and the rest);
    /// - `group-size` and `psychoeducation-only`: a session of one, or of
    ///   psychoeducation, is recorded truly, and only not billed as group
    ///   psychotherapy (`RuleRegistry.unbillableSessionRules`);
    /// - `missing-member-note`, reported in the session note about a member
    ///   note not yet written: the group note may be signed first.
    static let errorsThatDoNotBlock: Set<String> = Set([
        "unsigned-note", "signed-before-session", "signature-mismatch",
        "benefits-unverified", "authorization", "authorization-expiring", "no-treatment-plan", "plan-modality",
        "plan-incomplete", "plan-review-overdue", "timely-filing",
        "missing-member-note",
    ]).union(RuleRegistry.unbillableSessionRules).union(RuleRegistry.billingHistoryRules)

    /// Refuses when `check` reports an error in the note that signing does
    /// not settle: an empty section, a goal without status, a broken
    /// front-matter... A note is signed once it is complete.
    ///
    /// Errors on the lines of the signature keys (`signed_at` after today, a
    /// malformed digest) are not waited for either: signing writes those lines anew.
    static func refuseErrors(_ report: CheckReport, in path: String, besides signatureLines: Set<Int> = []) throws(Refusal) {
        let blocking = report.diagnostics.filter { diagnostic in
            diagnostic.location.file == path && diagnostic.severity == .error && !errorsThatDoNotBlock.contains(diagnostic.rule)
                && !signatureLines.contains(diagnostic.location.line)
        }
        guard !blocking.isEmpty else { return }
        let shown = blocking.prefix(8).map { "  \($0.location): \($0.message) [\($0.rule)]" }
        let more = blocking.count > shown.count ? ["  and \(blocking.count - shown.count) more (groupchart check shows them all)"] : []
        let count = blocking.count == 1 ? "an error" : "\(blocking.count) errors"
        throw Refusal((["it has \(count), and a note is signed once it is complete; fix \(blocking.count == 1 ? "it" : "them"), then sign it:"]
                       + shown + more).joined(separator: "\n"))
    }

    /// Refuses a clinician who did not lead the session (nor, for a group,
    /// is one of its credentialed leaders): `check` would call the note so
    /// signed `unsigned-note` at once. `sign` signed it, said so, and the
    /// next `check` failed on what it had just signed (a clinician's review).
    static func refuseSigner(_ clinician: String, of note: SignableNote, clinicians: Set<String>) throws(Refusal) {
        guard let why = SignedByAnotherClinician.refusal(of: clinician, note.signers, clinicians: clinicians, what: note.what) else { return }
        throw Refusal("it would be \(why): the clinician who provided the service signs its note, "
                      + "--by \(note.signers.leaders[0]); or correct who led it")
    }

    /// Refuses a note under an Addendum, and (unless `force`) a signed note.
    static func refuseSignature(of note: SignableNote, force: Bool) throws(Refusal) {
        if let addendum = note.addendum {
            throw Refusal(note.isSigned
                ? """
                    it has an addendum (line \(addendum.location.line)): it was signed and then amended, and its \
                    signature is never replaced; further changes go in another addendum
                    """
                : """
                    it was never signed, so its "Addendum" heading (line \(addendum.location.line)) amends nothing: \
                    rename the heading (for example to "## Later entry"), then sign it
                    """)
        }
        guard note.holdsSignature, !force else { return }
        let by = note.signature.signedBy.map { " by \($0.value)" } ?? ""
        let at = note.signature.signedAt.map { " at \($0.value)" } ?? ""
        try refuseChangedSignature(of: note)
        throw Refusal("""
            it is already signed\(by)\(at); a signed note changes only by an addendum \
            ("## Addendum YYYY-MM-DD clinician" at its end); --force replaces the signature, for a note signed in error
            """)
    }

    /// Refuses a note whose signed text changed since its digest was taken.
    static func refuseChangedSignature(of note: SignableNote) throws(Refusal) {
        guard let digest = note.signature.digest?.value, digest != SignedText.digest(of: note.signedText) else { return }
        let by = note.signature.signedBy.map { " by \($0.value)" } ?? ""
        let at = note.signature.signedAt.map { " at \($0.value)" } ?? ""
        throw Refusal("""
            it was changed after it was signed\(by)\(at): restore the signed text (git diff shows what changed, in a practice kept in git) \
            and write the change under "## Addendum YYYY-MM-DD clinician" at the end; --force signs the changed \
            text anew, for a note no one has relied on yet
            """)
    }

    /// Refuses a time before the session ended, or a session whose end is unknown.
    static func refuseBeforeSessionEnd(_ note: SignableNote, at time: Timestamp) throws(Refusal) {
        guard let end = note.sessionEnd else {
            throw Refusal("""
                the session's date and end time are not known (\(note.timesFile)): fill them in first, so that \
                the signature can be dated after the session
                """)
        }
        guard time >= end else {
            throw Refusal("the session ended at \(end), and a note is signed after its session: sign it once the session has ended "
                          + "(--at takes a time after \(end), and not later than now)")
        }
    }
}
