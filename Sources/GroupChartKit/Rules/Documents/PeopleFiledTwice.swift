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
        func say(_ this: Member, at location: SourceLocation, _ message: String, other: Member, otherLocation: SourceLocation) {
            guard said.insert(location).inserted else { return }
            findings.append(Finding(location, message,
                                    help: "keep one member folder for the person: move the other's notes, plans and attendance "
                                        + "to it and remove the other (\"members/\(other.id)\"); two people on one card each have "
                                        + "their own member id, or the second is a dependent (subscriber: {relationship, ...})",
                                    related: [RelatedLocation(otherLocation, "member \"\(other.id)\"")]))
        }
        // Each pair once: a folder copied whole has both the same name and
        // birth date and the same card, one mistake said twice at each.
        var pairs: Set<[String]> = []
        var byPerson: [String: (Member, SourceLocation)] = [:]
        var byCard: [String: (Member, SourceLocation)] = [:]
        for member in members {
            guard let profile = member.profile, profile.isReadable else { continue }
            if let first = profile.firstName, let last = profile.lastName, let dob = profile.dob {
                let key = "\(fold(first.value)) \(fold(last.value)) \(dob.value)"
                if let (other, otherLocation) = byPerson[key] {
                    pairs.insert([other.id, member.id])
                    let message = "members \"\(other.id)\" and \"\(member.id)\" have the same name and date of birth "
                        + "(\(first.value) \(last.value), \(dob.value)): one person filed twice, billed under both"
                    say(member, at: dob.location, message, other: other, otherLocation: otherLocation)
                    say(other, at: otherLocation, message, other: member, otherLocation: dob.location)
                } else {
                    byPerson[key] = (member, dob.location)
                }
            }
            // The subscriber of a card is one person: two members who are
            // each its subscriber are one person filed twice, or a card
            // copied into another member's profile.
            if let insurance = member.insurance, case .member? = insurance.subscriber, let payer = insurance.payer,
               let memberID = insurance.memberID {
                let key = "\(payer.value) \(cardNumber(memberID.value))"
                if let (other, otherLocation) = byCard[key] {
                    // A copy whose name and birth date already said it.
                    guard !pairs.contains([other.id, member.id]) else { continue }
                    let message = "members \"\(other.id)\" and \"\(member.id)\" are each the subscriber of payer \"\(payer.value)\"'s "
                        + "member id \(memberID.value): one card, so the payer is billed for one person twice"
                    say(member, at: memberID.location, message, other: other, otherLocation: otherLocation)
                    say(other, at: otherLocation, message, other: member, otherLocation: memberID.location)
                } else {
                    byCard[key] = (member, memberID.location)
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
