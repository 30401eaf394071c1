/// A member (members/<member-id>/): profile, plans and individual sessions.
public struct Member: Sendable, Equatable {
    /// The folder's name.
    public var id: String
    /// `members/<member-id>/profile.md` (which may be missing).
    public var profileFile: String
    /// `nil` when profile.md is missing or unreadable.
    public var profile: Profile?
    /// Sorted by effective date, then path.
    public var plans: [TreatmentPlan]
    /// Sorted by path.
    public var individualNotes: [IndividualNote]

    /// The plan in effect on `date`: the latest `effective` on or before it.
    public func plan(on date: LocalDate) -> TreatmentPlan? {
        planIndex(on: date).map { plans[$0] }
    }

    /// Where that plan stands in `plans`.
    func planIndex(on date: LocalDate) -> Int? {
        plans.lastIndex { plan in plan.effective.map { $0.value <= date } ?? false }
    }

    /// "David Okonkwo", or the id when the profile gives no name.
    public var displayName: String {
        let parts = [profile?.firstName?.value, profile?.lastName?.value].compactMap { $0 }
        return parts.isEmpty ? id : parts.joined(separator: " ")
    }
}

public enum Sex: String, Sendable, Codable, CaseIterable {
    case male = "M"
    case female = "F"
    case unknown = "U"

    /// M, F or U. Any other value (X, nonbinary) is explained, not matched
    /// to the nearest letter: "did you mean F?" for X put a sex on the claim
    /// that the card does not show.
    static func parse(_ text: String) -> Result<Sex, ScalarError> {
        if let sex = Sex(rawValue: text) { return .success(sex) }
        return .failure(ScalarError("\"\(text)\" is not M, F or U, the values the 837P carries (DMG03)",
                                    help: "write the sex on the insurance card, M or F, or U (unknown) when the card shows another"))
    }
}

/// Demographics and coverage (profile.md).
public struct Profile: Sendable, Codable, Equatable {
    public var file: String
    public var isReadable: Bool
    public var firstName: Located<String>?
    public var lastName: Located<String>?
    public var dob: Located<LocalDate>?
    public var sex: Located<Sex>?
    public var address: Address?
    public var coverage: Coverage?
    public var body: MarkdownBody
}

/// How a member's sessions are paid for.
public enum Coverage: Sendable, Codable, Equatable {
    case selfPay(SourceLocation)
    case insured(Insurance)
}

public struct Insurance: Sendable, Codable, Equatable {
    public var payer: Located<String>?
    public var memberID: Located<String>?
    public var groupNumber: Located<String>?
    public var subscriber: Subscriber?
    /// Every group-benefit verification, as written: one (a mapping) or a
    /// list, a new one added beside the old when benefits are verified
    /// again, since a claim needs the one made on or before its date.
    public var benefits: [BenefitVerification]
    public var authorizations: [Authorization]
    public var location: SourceLocation
}

/// The insured person when the member is not the policy holder.
public enum Subscriber: Sendable, Codable, Equatable {
    case member(SourceLocation)
    case other(SubscriberPerson)
}

public struct SubscriberPerson: Sendable, Codable, Equatable {
    public var relationship: Located<Relationship>?
    public var firstName: Located<String>?
    public var lastName: Located<String>?
    public var dob: Located<LocalDate>?
    public var sex: Located<Sex>?
    public var address: Address?
    public var location: SourceLocation
}

public enum Relationship: String, Sendable, Codable, CaseIterable {
    case spouse
    case child
    case other
}

extension Insurance {
    /// The verification a service on `date` rests on: the latest made on or
    /// before it, else (none was) the earliest, which a claim cannot rest on.
    /// `nil` when the profile records none.
    public func benefits(on date: LocalDate) -> BenefitVerification? {
        let dated = benefits.filter { $0.verifiedOn != nil }
        let before = dated.filter { $0.verifiedOn!.value <= date }
        return before.max { $0.verifiedOn!.value < $1.verifiedOn!.value }
            ?? dated.min { $0.verifiedOn!.value < $1.verifiedOn!.value } ?? benefits.first
    }
}

/// A group-benefit verification (step 1 of the billing guide).
public struct BenefitVerification: Sendable, Codable, Equatable {
    public var verifiedOn: Located<LocalDate>?
    public var verifiedBy: Located<String>?
    public var groupTherapyCovered: Located<Bool>?
    public var copay: Located<Money>?
    public var reference: Located<String>?
    public var location: SourceLocation
}

/// A prior authorization for a number of sessions of one CPT code.
public struct Authorization: Sendable, Codable, Equatable {
    public var number: Located<String>?
    public var cpt: Located<String>?
    public var from: Located<LocalDate>?
    public var to: Located<LocalDate>?
    public var sessions: Located<Int>?
    public var location: SourceLocation
}

extension Member {
    /// Whether the member's profile says `insurance: self-pay`: no claim is
    /// ever built for their sessions.
    public var isSelfPay: Bool {
        if case .selfPay? = profile?.coverage { return true }
        return false
    }

    /// The member's insurance, `nil` when self-pay or unknown.
    public var insurance: Insurance? {
        if case .insured(let insurance)? = profile?.coverage { return insurance }
        return nil
    }
}
