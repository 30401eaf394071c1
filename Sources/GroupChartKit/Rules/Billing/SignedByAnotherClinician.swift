/// Notes signed by a clinician who did not lead the session, for
/// `unsigned-note`: a member's group note signed by someone neither its
/// facilitator nor its co-facilitator, and an individual note signed by
/// another clinician than the one it bills as rendering. The signature is
/// the rendering clinician's attestation that they provided the service; a
/// note signed by another documents nothing of theirs, and the claim went
/// out under an NPI whose clinician never signed (found by an auditor's
/// review).
enum SignedByAnotherClinician {
    /// Who led a session, and who may sign its notes.
    struct Signers {
        /// The session's facilitator and co-facilitator (else the group's), as the message names them.
        var leaders: [String]
        /// Those, and the group's own credentialed leaders.
        var allowed: Set<String>
        /// The session note names no facilitator, so its leaders are the
        /// group's as it reads today: the file its own should be written in.
        var defaultedIn: String? = nil
    }

    /// `typed` gives a file's path as the user typed the practice's.
    static func findings(_ record: PracticeRecord, typed: (String) -> String) -> [Finding] {
        let clinicians = Set(record.practice?.clinicians.map(\.id.value) ?? [])
        let credentialed = Set(record.practice?.clinicians.filter(\.hasCredentials).map(\.id.value) ?? [])
        var findings: [Finding] = []
        func check(_ signature: Signature, file: String, _ signers: Signers, what: String) {
            guard let signer = signature.signedBy, let message = refusal(of: signer.value, signers, clinicians: clinicians, what: what)
            else { return }
            let sign = "groupchart sign \(ShellWord.quoted(typed(file))) --by \(signers.leaders[0]) --force"
            // A group whose facilitator changed since (a clinician left) changes
            // every session that took the group's: signing them again as the new
            // one would bill sessions they never led (a year-on review).
            // Only a signer who could have led it (credentialed) is told to write it in as the facilitator.
            let help = signers.defaultedIn.flatMap { credentialed.contains(signer.value) ? $0 : nil }.map { session in
                "\(session) names no facilitator, so it takes the group's (\(signers.leaders[0])) as the group reads today: if "
                    + "\(signer.value) led the session, write facilitator: \(signer.value) in it and sign it again "
                    + "(groupchart sign \(ShellWord.quoted(typed(session))) --by \(signer.value) --force); if not, the clinician who "
                    + "provided the service signs its note: \(sign)"
            } ?? "the clinician who provided the service signs its note: \(sign), or correct who led it"
            findings.append(Finding(signer.location, message, help: help))
        }
        for session in record.sessions {
            guard let note = session.note else { continue }
            let signers = signers(of: note, in: record, credentialed: credentialed)
            check(note.signature, file: note.attendanceLocation.file, signers, what: "the session")
            for progress in session.progressNotes {
                check(progress.signature, file: progress.file, signers, what: "the session")
            }
        }
        for member in record.members {
            for note in member.individualNotes {
                check(note.signature, file: note.file, signers(of: note), what: "the individual session it bills")
            }
        }
        return findings
    }

    /// Why `signer` may not sign a note of a session `signers` led, or nil
    /// when they may (or when who led it is unknown, or not a clinician of
    /// practice.yaml: other rules say so). A signer who led the session is
    /// tested first: nearly every note, with one set lookup (each test in
    /// turn was 18 ms of a check at 20,000 notes).
    static func refusal(of signer: String, _ signers: Signers, clinicians: Set<String>, what: String) -> String? {
        guard !signers.allowed.contains(signer), clinicians.contains(signer),
              !signers.leaders.isEmpty, signers.leaders.allSatisfy(clinicians.contains) else { return nil }
        return "signed by \"\(signer)\", who did not lead \(what) (\(signers.leaders.joined(separator: " and ")) did)"
    }

    /// Who led a group session and may sign its notes. The group's own
    /// leaders may sign too: a session's override of them that another
    /// rule refuses (a co-facilitator who is the facilitator) left a signer
    /// of the group's counted as a stranger. Not one without credentials,
    /// who led no session and so is no `missing-credentials` finding: such
    /// a note passed every rule (found by a second reading).
    static func signers(of note: SessionNote, in record: PracticeRecord, credentialed: Set<String>) -> Signers {
        let group = record.group(of: note)
        let led = record.leaders(of: note, in: group)
        var leaders: [String] = []
        for leader in [led.facilitator, led.coFacilitator].compactMap({ $0?.value }) where !leaders.contains(leader) {
            leaders.append(leader)
        }
        let allowed = Set(leaders + [group?.facilitator?.value, group?.coFacilitator?.value].compactMap { $0 }
            .filter(credentialed.contains))
        return Signers(leaders: leaders, allowed: allowed, defaultedIn: note.facilitator == nil ? note.attendanceLocation.file : nil)
    }

    /// Who rendered an individual session, the one clinician who may sign it.
    static func signers(of note: IndividualNote) -> Signers {
        let leaders = note.clinician.map { [$0.value] } ?? []
        return Signers(leaders: leaders, allowed: Set(leaders))
    }
}
