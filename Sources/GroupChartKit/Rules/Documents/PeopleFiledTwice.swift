import Foundation

/// One person filed as two members, for `duplicate-id`: two member folders
/// with the same name and date of birth, or two members who are each the
/// subscriber of the same payer's member id. Each folder's claims are
/// built apart, so the one person was billed twice for every session both
/// attended, on one card, and nothing said so (found by an auditor's
/// review). Said at both profiles, so that both members' claims are held:
/// which folder is the member's and which a copy only the practice knows.
enum PeopleFiledTwice {
    static func findings(_ members: [Member]) -> [Finding] {
        var findings: [Finding] = []
        var said: Set<SourceLocation> = []
        // Each pair once: a folder copied whole has both the same name and
        // birth date and the same card, one mistake said twice at each.
        var pairs: Set<[String]> = []
        /// `member` filed under `key` where another was filed first: said
        /// at both (the first keeps the key, so a third copy is paired
        /// with it too). `message` is given the first member.
        func pair(_ member: Member, under key: String, at location: SourceLocation, in filed: inout [String: (Member, SourceLocation)],
                  _ message: (Member) -> String) {
            guard let (other, otherLocation) = filed[key] else {
                filed[key] = (member, location)
                return
            }
            guard pairs.insert([other.id, member.id]).inserted else { return }
            let text = message(other)
            for (here, that, there) in [(location, other, otherLocation), (otherLocation, member, location)]
            where said.insert(here).inserted {
                findings.append(Finding(here, text,
                                        help: "keep one member folder for the person: move the other's notes, plans and attendance "
                                            + "to it and remove the other (\"members/\(that.id)\"); two people on one card each have "
                                            + "their own member id, or the second is a dependent (subscriber: {relationship, ...})",
                                        related: [RelatedLocation(there, "member \"\(that.id)\"")]))
            }
        }
        var byPerson: [String: (Member, SourceLocation)] = [:]
        var byCard: [String: (Member, SourceLocation)] = [:]
        for member in members {
            guard let profile = member.profile, profile.isReadable else { continue }
            if let first = profile.firstName, let last = profile.lastName, let dob = profile.dob {
                pair(member, under: "\(fold(first.value)) \(fold(last.value)) \(dob.value)", at: dob.location, in: &byPerson) { other in
                    "members \"\(other.id)\" and \"\(member.id)\" have the same name and date of birth "
                        + "(\(first.value) \(last.value), \(dob.value)): one person filed twice, billed under both"
                }
            }
            // The subscriber of a card is one person: two members who are
            // each its subscriber are one person filed twice, or a card
            // copied into another member's profile.
            if let insurance = member.insurance, case .member? = insurance.subscriber, let payer = insurance.payer,
               let memberID = insurance.memberID {
                pair(member, under: "\(payer.value) \(cardNumber(memberID.value))", at: memberID.location, in: &byCard) { other in
                    "members \"\(other.id)\" and \"\(member.id)\" are each the subscriber of payer \"\(payer.value)\"'s "
                        + "member id \(memberID.value): one card, so the payer is billed for one person twice"
                }
            }
        }
        return findings
    }

    /// A name as one person's: case, accents and spaces around it ignored
    /// (Nguyễn is Nguyen).
    private static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }

    /// A member id as a payer reads it: upper case, without spaces and dashes.
    private static func cardNumber(_ id: String) -> String {
        String(id.uppercased().filter { $0 != " " && $0 != "-" })
    }
}
