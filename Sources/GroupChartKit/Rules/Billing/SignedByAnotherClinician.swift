/// Notes signed by a clinician who did not lead the session, for
/// `unsigned-note`: a member's group note signed by someone neither its
/// facilitator nor its co-facilitator, and an individual note signed by
/// another clinician than the one it bills as rendering. The signature is
/// the rendering clinician's attestation that they provided the service; a
/// note signed by another documents nothing of theirs, and the claim went
/// out under an NPI whose clinician never signed (found by an auditor's
/// review).
enum SignedByAnotherClinician {
    /// `typed` gives a file's path as the user typed the practice's.
    static func findings(_ record: PracticeRecord, typed: (String) -> String) -> [Finding] {
        let clinicians = Set(record.practice?.clinicians.map(\.id.value) ?? [])
        let credentialed = Set(record.practice?.clinicians.filter(\.hasCredentials).map(\.id.value) ?? [])
        var findings: [Finding] = []
        /// `allowed`: who may sign; `leaders`: who led, as the message names them.
        func check(_ signature: Signature, file: String, leaders: [String], allowed: Set<String>, what: String) {
            // A signer who led the session first: nearly every note, with
            // one set lookup (each test in turn was 18 ms of a check at
            // 20,000 notes).
            guard let signer = signature.signedBy, !allowed.contains(signer.value), clinicians.contains(signer.value),
                  !leaders.isEmpty, leaders.allSatisfy(clinicians.contains) else { return }
            findings.append(Finding(signer.location,
                                    "signed by \"\(signer.value)\", who did not lead \(what) (\(leaders.joined(separator: " and ")) did)",
                                    help: "the clinician who provided the service signs its note: groupchart sign "
                                        + "\(ShellWord.quoted(typed(file))) --by \(leaders[0]) --force, or correct who led it"))
        }
        for session in record.sessions {
            guard let note = session.note else { continue }
            let group = record.group(of: note)
            let led = record.leaders(of: note, in: group)
            var leaders: [String] = []
            for leader in [led.facilitator, led.coFacilitator].compactMap({ $0?.value }) where !leaders.contains(leader) {
                leaders.append(leader)
            }
            // The group's own leaders may sign too: a session's override of
            // them that another rule refuses (a co-facilitator who is the
            // facilitator) left a signer of the group's counted as a stranger.
            // Not one without credentials, who led no session and so is no
            // `missing-credentials` finding: such a note passed every rule
            // (found by a second reading).
            let allowed = Set(leaders + [group?.facilitator?.value, group?.coFacilitator?.value].compactMap { $0 }
                .filter(credentialed.contains))
            check(note.signature, file: note.attendanceLocation.file, leaders: leaders, allowed: allowed, what: "the session")
            for progress in session.progressNotes {
                check(progress.signature, file: progress.file, leaders: leaders, allowed: allowed, what: "the session")
            }
        }
        for member in record.members {
            for note in member.individualNotes {
                let leaders = note.clinician.map { [$0.value] } ?? []
                check(note.signature, file: note.file, leaders: leaders, allowed: Set(leaders), what: "the individual session it bills")
            }
        }
        return findings
    }
}
