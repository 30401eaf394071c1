/// Plain-language meanings of the codes a 277CA and a 999 answer with, so
/// that a biller reading a rejection knows what to correct without the code
/// lists at hand. Wording follows the code lists (X12 code sources 507 and
/// 508, the entity identifier codes, and the 999's IK3, IK4 and IK5 codes),
/// shortened; a code not listed here is named and pointed to its list.
public enum StatusCodes {
    /// Claim status category codes (code source 507) a 277CA uses, and
    /// what each makes of the claim's status.
    static let categories: [String: (meaning: String, effect: CategoryEffect)] = [
        "A0": ("forwarded to another entity", .received),
        "A1": ("received", .received),
        "A2": ("accepted into the payer's adjudication system", .accepted),
        "A3": ("returned as unprocessable", .rejected),
        "A4": ("not found", .rejected),
        "A5": ("split into several claims and accepted", .accepted),
        "A6": ("rejected for missing information", .rejected),
        "A7": ("rejected for invalid information", .rejected),
        "A8": ("rejected for a relational field in error", .rejected),
        "E0": ("no answer possible: an error in the request", .none),
        "E1": ("no answer possible: the payer's system is down", .none),
        "E2": ("the payer is not responding; the answer will come later", .none),
        "E3": ("correction required: relational fields in error", .rejected),
        "E4": ("a trading partner requirement was not met: correction required", .rejected),
    ]

    /// What a category does to a claim's status (lifecycle.md).
    enum CategoryEffect {
        case received, accepted, rejected, none
    }

    /// Claim status codes (code source 508) common in 277CA answers.
    static let statuses: [String: String] = [
        "0": "no further status can be given electronically",
        "1": "see the remittance advice",
        "3": "adjudicated, awaiting the payment cycle",
        "15": "requested information not provided as described",
        "16": "forwarded to another entity",
        "19": "the entity acknowledges receipt",
        "20": "accepted for processing",
        "21": "missing or invalid information",
        "23": "returned to the entity",
        "24": "the entity is not approved as an electronic submitter",
        "26": "entity not found",
        "27": "the policy was cancelled",
        "29": "subscriber and policy or contract number do not match",
        "30": "subscriber and subscriber id do not match",
        "31": "subscriber and policyholder name do not match",
        "32": "subscriber and policy or contract number not found",
        "33": "subscriber and subscriber id not found",
        "34": "subscriber and policyholder name not found",
        "35": "claim not found",
        "54": "a duplicate of a claim already processed",
        "78": "a duplicate of a claim awaiting processing",
        "84": "service not authorized",
        "88": "not eligible for benefits on the dates of service",
        "96": "no agreement with the entity",
        "97": "the patient's eligibility was not found",
        "109": "entity not eligible",
        "116": "submitted to the wrong payer",
        "125": "entity's name",
        "126": "entity's address",
        "128": "entity's tax id",
        "145": "entity's specialty or taxonomy code",
        "153": "entity's id number",
        "155": "entity's relationship to the patient",
        "156": "the patient's relationship to the subscriber",
        "157": "entity's sex",
        "158": "entity's date of birth",
        "163": "entity's policy or group number",
        "164": "entity's contract or member number",
        "178": "total claim charge amount",
        "187": "date(s) of service",
        "247": "line information",
        "249": "place of service",
        "252": "entity's prior authorization or certification number",
        "254": "principal diagnosis code",
        "255": "diagnosis code",
        "400": "the claim is out of balance",
        "454": "procedure code for the services rendered",
        "562": "entity's National Provider Identifier (NPI)",
    ]

    /// Entity identifier codes a 277CA names.
    static let entities: [String: String] = [
        "IL": "subscriber", "QC": "patient", "85": "billing provider", "82": "rendering provider",
        "PR": "payer", "41": "submitter", "40": "receiver", "77": "service location", "DN": "referring provider",
    ]

    /// `rejected for invalid information: entity's contract or member number (subscriber)`.
    public static func describe(_ status: ClaimStatusCode) -> String {
        let category = categories[status.category]?.meaning ?? "category \(status.category)"
        guard !status.status.isEmpty else { return category }
        let detail = statuses[status.status] ?? "status code \(status.status) (see the X12 health care claim status codes)"
        let entity = entities[status.entity].map { " (\($0))" } ?? (status.entity.isEmpty ? "" : " (entity \(status.entity))")
        return "\(category): \(detail)\(entity)"
    }

    /// IK501 and AK901 codes of a 999.
    static let acknowledgmentCodes: [String: String] = [
        "A": "accepted", "E": "accepted with errors", "P": "partially accepted", "R": "rejected",
        "M": "rejected: message authentication failed", "W": "rejected: assurance failed", "X": "rejected: content could not be analyzed",
    ]

    /// IK304: segment syntax errors of a 999.
    static let segmentErrors: [String: String] = [
        "1": "unrecognized segment", "2": "unexpected segment", "3": "required segment missing", "4": "loop occurs too often",
        "5": "segment exceeds its maximum use", "6": "segment not in the transaction set", "7": "segment out of sequence",
        "8": "segment has data element errors", "I4": "a segment the guide does not use", "I6": "a segment the guide requires here is missing",
        "I7": "a loop occurs fewer times than the guide requires", "I8": "a segment occurs fewer times than the guide requires",
        "I9": "a segment the guide does not use in this case",
    ]

    /// IK403: element syntax errors of a 999.
    static let elementErrors: [String: String] = [
        "1": "required element missing", "2": "conditional required element missing", "3": "too many elements",
        "4": "element too short", "5": "element too long", "6": "invalid character", "7": "invalid code value",
        "8": "invalid date", "9": "invalid time", "10": "exclusion condition violated", "12": "too many repetitions",
        "13": "too many components", "I6": "a code value the guide does not use", "I9": "an element the guide requires is missing",
        "I10": "an element the guide does not use", "I11": "too few repetitions", "I12": "the value does not match the guide's pattern",
        "I13": "an element the guide does not use in this case",
    ]

    /// IK502-IK506: transaction set errors of a 999.
    static let setErrors: [String: String] = [
        "1": "transaction set not supported", "2": "trailer missing", "3": "control numbers of header and trailer differ",
        "4": "segment count wrong", "5": "one or more segments in error", "6": "transaction set id missing or invalid",
        "7": "control number missing or invalid", "23": "control number not unique in the group",
        "I5": "one or more segments in error (implementation guide)", "I6": "implementation guide not supported",
    ]

    static func word(_ code: String, in list: [String: String], list name: String) -> String {
        list[code] ?? "code \(code) (see the X12 \(name) codes)"
    }
}
