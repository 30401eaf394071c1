/// One claim: a member's billable service with everything a CMS-1500 or an
/// 837P needs, built from the model (never from raw text).
public struct Claim: Sendable {
    public struct Person: Sendable {
        public var lastName: String
        public var firstName: String
        public var dob: LocalDate?
        public var sex: String
        public var address: Address?
    }

    public struct Line: Sendable {
        public var cpt: String
        public var modifiers: [String]
        public var units: Int
        public var charge: Money
        /// 1-based positions in `diagnoses` (SV107), at most four.
        public var pointers: [Int]
    }

    /// How the patient relates to the insured (CMS-1500 box 6).
    public enum Relationship: String, Sendable, Codable {
        case insured = "self"
        case spouse
        case child
        case other

        /// The X12 individual relationship code (SBR02 / PAT01).
        public var x12Code: String {
            switch self {
            case .insured: return "18"
            case .spouse: return "01"
            case .child: return "19"
            case .other: return "G8"
            }
        }
    }

    /// Stable for a member and session, at most 20 letters and digits (CLM01).
    public var id: String
    public var service: BillableService
    public var patient: Person
    public var subscriber: Person
    public var relationship: Relationship
    public var memberID: String
    public var groupNumber: String?
    public var payerName: String
    public var payerID: String
    public var priorAuthorization: String?
    /// ICD-10-CM codes without the dot, primary first (HI: ABK then ABF).
    public var diagnoses: [String]
    public var placeOfService: String
    public var lines: [Line]
    public var renderingNPI: String
    public var renderingName: String
    public var billingNPI: String
    public var taxID: String
    /// The rules whose errors hold the claim; empty when it is ready.
    public var heldBy: [String]

    /// CLM02: the sum of the lines' charges.
    public var total: Money { lines.reduce(Money(cents: 0)) { $0 + $1.charge } }
    public var isReady: Bool { heldBy.isEmpty }
}
