/// The claims sent and still standing with the payer (not voided, their
/// last version not rejected) that the record no longer builds, by the
/// service they bill: the payer, the member id on the card, the date and
/// the code of their first line. A claim id is made from the member's
/// folder, the session's folder and the date (`ClaimID`), so renaming a
/// folder or correcting a date gives a service billed already a new id; a
/// new original for it would stand beside the old claim with the payer.
/// Listed only when some sent claim is not built (none, most builds).
struct ServiceTwins {
    private struct Service: Hashable {
        var payerID: String
        var memberID: String
        var date: LocalDate?
        var cpt: String
    }

    private let standing: [Service: ClaimHistory]

    init(ledger: ClaimLedger, built: Set<String>) {
        var standing: [Service: ClaimHistory] = [:]
        for (id, history) in ledger.histories where !built.contains(id) && !history.isVoided {
            guard let version = history.payerVersion, let line = version.claim.billed.lines.first else { continue }
            let service = Service(payerID: version.claim.billed.payerID, memberID: version.claim.billed.memberID,
                                  date: line.date, cpt: line.cpt)
            if let other = standing[service], other.claimID < id { continue }
            standing[service] = history
        }
        self.standing = standing
    }

    /// The standing claim of another id for the service `claim` bills.
    func twin(of claim: Claim) -> ClaimHistory? {
        guard !standing.isEmpty, let line = claim.lines.first else { return nil }
        return standing[Service(payerID: claim.payerID, memberID: claim.memberID, date: claim.service.date, cpt: line.cpt)]
    }
}
