/// The practice of practice.yaml: who bills, who treats, who pays, what it costs.
public struct Practice: Sendable, Codable, Equatable {
    public var name: Located<String>?
    public var npi: Located<String>?
    public var taxID: Located<String>?
    public var taxonomy: Located<String>?
    public var address: Address?
    public var phone: Located<String>?
    /// Where the `practice:` mapping stands (or line 1).
    public var location: SourceLocation
    public var edi: EDISettings?
    public var clinicians: [Clinician]
    public var payers: [Payer]
    public var fees: [Fee]
    /// Where the `fees:` mapping stands (or line 1).
    public var feesLocation: SourceLocation
    public var ruleSettings: [RuleSetting]
    /// The entries only some claims depend on (each payer's, each fee's,
    /// `edi:`), so that an error there holds only those (`ClaimScope`).
    public var regions: [ScopedRegion]

    public func clinician(_ id: String) -> Clinician? { clinicians.first { $0.id.value == id } }
    public func payer(_ id: String) -> Payer? { payers.first { $0.id.value == id } }
    /// The payer a claim went to, by the X12 payer id it carries (NM109 of 2010BB).
    public func payer(withPayerID payerID: String) -> Payer? { payers.first { $0.payerID?.value == payerID } }
    public func fee(for code: String) -> Fee? { fees.first { $0.code.value == code } }
}

/// A postal address; fields stay optional so that each missing one is reported.
public struct Address: Sendable, Codable, Equatable {
    public var street: Located<String>?
    public var street2: Located<String>?
    public var city: Located<String>?
    public var state: Located<String>?
    public var zip: Located<String>?
    public var location: SourceLocation
}

/// A clinician who facilitates groups or signs notes.
public struct Clinician: Sendable, Codable, Equatable {
    public var id: Located<String>
    public var name: Located<String>?
    public var credentials: Located<String>?
    public var npi: Located<String>?

    /// Credentials written, and not blank, a dash or "none", nor words that
    /// say no license stands behind them yet ("pending", "student
    /// intern"): the records would print "Angela Torres," and a claim go
    /// out under a clinician no license stands behind.
    public var hasCredentials: Bool {
        credentials.map { !NoValue.isPlaceholder($0.value) && !Self.namesNoLicense($0.value) } ?? false
    }

    /// Words that, written as credentials, say the clinician is not yet
    /// licensed: a license applied for, a student, a trainee. An auditor's
    /// review found "credentials: pending" taken as a credential. Degrees
    /// alone (MA, MSW) are not among them: whether a payer takes a
    /// registered associate's claims is the payer's rule (docs/limits.md).
    /// A license that lapsed, was taken away or is not yet full says the
    /// same ("LMFT (expired)", "LPCC - suspended", "LMFT intern",
    /// "pre-licensed"): an auditor's review found each taken as a
    /// credential, and "applied", which decisions.md listed, missing.
    static let noLicenseWords: Set<String> = [
        "pending", "student", "unlicensed", "trainee", "applicant", "candidate", "awaiting", "applied", "expired", "lapsed",
        "inactive", "suspended", "revoked", "intern", "provisional", "pre", "prelicensed", "unknown",
    ]

    /// Whether `text` has one of `noLicenseWords` among its words and no
    /// credential (`PersonName.credentials`) that one of them does not
    /// follow: "LPC (pending)" and "PhD candidate" name no license, "LPCC,
    /// PhD candidate" and "LPCC (LMFT pending)" name the LPCC (a code
    /// review found them refused, the clinician's claims held).
    static func namesNoLicense(_ text: String) -> Bool {
        let words = NoValue.words(of: text)
        let license: Set<String> = ["license", "licence", "licensure"]
        // "Applied" says no license only as a license applied for ("LMFT
        // (applied)", "license applied for"), never in "applied behavior
        // analysis"; "pre" only before "licensed"; none of them before
        // "renewal" (a license being renewed stands).
        let saysNoLicense = { (index: Int) -> Bool in
            guard index < words.count, noLicenseWords.contains(words[index]) else { return false }
            let next = index + 1 < words.count ? words[index + 1] : nil
            if next == "renewal" { return false }
            switch words[index] {
            case "applied": return next == nil || next == "for"
            case "pre": return next.map { license.contains($0) || $0 == "licensed" } ?? false
            default: return true
            }
        }
        guard words.indices.contains(where: saysNoLicense) else { return false }
        // A credential followed by such a word ("LPC pending"), or by
        // "license" and such a word ("LMFT license pending", "LMFT, license
        // lapsed"), is qualified by it; one that is not stands ("LPCC; LMFT
        // license pending" names the LPCC: a code review found it refused).
        return !words.indices.contains { index in
            PersonName.credentials.contains(words[index]) && !saysNoLicense(index + 1)
                && !(index + 1 < words.count && license.contains(words[index + 1]) && saysNoLicense(index + 2))
        }
    }

    /// Credentials written that say no license stands behind them
    /// ("LPC pending"), for the message that says which words.
    public var credentialsNamingNoLicense: Located<String>? {
        credentials.flatMap { Self.namesNoLicense($0.value) ? $0 : nil }
    }
}

/// A payer and its rules for group psychotherapy.
public struct Payer: Sendable, Codable, Equatable {
    public var id: Located<String>
    public var name: Located<String>?
    public var payerID: Located<String>?
    public var groupAuthorization: Located<Requirement>?
    public var individualAuthorization: Located<Requirement>?
    public var timelyFilingDays: Located<Int>?
    public var telehealthModifier: Located<String>?
    public var sameDayModifier: Located<String>?
    /// SBR09, the kind of plan (`ClaimFilingCode`); `CI`, commercial, when absent.
    public var claimFilingCode: Located<String>? = nil
}

/// Whether a payer requires prior authorization.
public enum Requirement: String, Sendable, Codable, CaseIterable {
    case required
    case notRequired = "not-required"
}

/// The practice's charge for one CPT code: one amount for every date of
/// service, or amounts each from a date on (`"90853": {2025-01-01: 65.00,
/// 2027-01-01: 70.00}`), so that a new fee applies to later services and
/// leaves the claims already sent as they were billed (decisions.md).
public struct Fee: Sendable, Codable, Equatable {
    public var code: Located<String>
    /// Earliest first; an amount without a date (the single-amount form) applies to every date.
    public var amounts: [Dated]

    /// One amount, and the first date of service it applies to.
    public struct Dated: Sendable, Codable, Equatable {
        public var from: Located<LocalDate>?
        public var amount: Located<Money>
    }

    /// The amount for a service on `date`: the latest that starts on or
    /// before it; `nil` when every amount starts later.
    public func amount(on date: LocalDate) -> Money? {
        amounts.last { ($0.from?.value).map { $0 <= date } ?? true }?.amount.value
    }

    /// The first date an amount applies from, when no amount applies to every date.
    public var firstDate: LocalDate? {
        amounts.contains { $0.from == nil } ? nil : amounts.first?.from?.value
    }
}

/// The X12 envelope identities (ISA/GS, 1000A/1000B loops).
public struct EDISettings: Sendable, Codable, Equatable {
    public var submitterID: Located<String>?
    public var receiverID: Located<String>?
    public var receiverName: Located<String>?
    public var usage: Located<EDIUsage>?
    /// ISA05 and ISA07: what kind of id the submitter's and receiver's are
    /// (`ZZ`, mutually defined, when not written).
    public var submitterQualifier: Located<EDIQualifier>? = nil
    public var receiverQualifier: Located<EDIQualifier>? = nil
    public var location: SourceLocation
}

/// An interchange id qualifier (ISA05, ISA07), as 005010X222A1 lists them.
/// Most clearinghouses use `ZZ`, mutually defined; some name themselves by
/// their DUNS number (`01`) or tax id (`30`), and refuse an interchange
/// whose qualifier says otherwise, before reading a claim of it (a
/// clearinghouse analyst's review: the qualifiers were fixed at ZZ).
public enum EDIQualifier: String, Sendable, Codable, CaseIterable {
    case duns = "01"
    case dunsWithSuffix = "14"
    case healthIndustryNumber = "20"
    case carrierID = "27"
    case fiscalIntermediary = "28"
    case medicareProvider = "29"
    case taxID = "30"
    case naic = "33"
    case mutuallyDefined = "ZZ"
}

public enum EDIUsage: String, Sendable, Codable, CaseIterable {
    case test
    case production
}

/// One entry of practice.yaml `rules:`, kept as written: the registry of rules
/// belongs to the validate stage, which interprets it.
public struct RuleSetting: Sendable, Codable, Equatable {
    public enum Value: Sendable, Codable, Equatable {
        /// `off`, `warning`, `error` or `note`.
        case word(Located<String>)
        /// A mapping of parameters, which may include `severity`.
        case parameters([(name: Located<String>, value: Located<String>)])

        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case let (.word(left), .word(right)): left == right
            case let (.parameters(left), .parameters(right)):
                left.count == right.count && zip(left, right).allSatisfy { $0.name == $1.name && $0.value == $1.value }
            default: false
            }
        }

        /// The same cases with the pairs as two lists, for the cache of
        /// compiled documents (a list of tuples has no `Codable` of its own).
        private enum Stored: Codable {
            case word(Located<String>)
            case parameters(names: [Located<String>], values: [Located<String>])
        }

        public init(from decoder: any Decoder) throws {
            switch try Stored(from: decoder) {
            case .word(let word): self = .word(word)
            case .parameters(let names, let values):
                guard names.count == values.count else {
                    throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unpaired parameters"))
                }
                self = .parameters(Array(zip(names, values)).map { (name: $0.0, value: $0.1) })
            }
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .word(let word): try Stored.word(word).encode(to: encoder)
            case .parameters(let pairs): try Stored.parameters(names: pairs.map(\.name), values: pairs.map(\.value)).encode(to: encoder)
            }
        }
    }

    public var rule: Located<String>
    public var value: Value
}
