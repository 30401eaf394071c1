/// `claims.csv` and `claims-held.csv`: one row per service line, in session
/// date then member order, in the columns of outputs.md (CMS-1500 boxes).
enum ClaimsCSV {
    static let columns = [
        "claim_id", "session_id", "member_id",
        "patient_last_name", "patient_first_name", "patient_dob", "patient_sex",
        "insured_id", "insured_last_name", "insured_first_name", "relationship",
        "payer_id", "payer_name", "prior_authorization",
        "icd10_codes", "diagnosis_pointer",
        "date_of_service", "place_of_service", "cpt", "modifiers",
        "units", "charge", "rendering_npi", "rendering_name",
        "billing_npi", "tax_id",
    ]

    /// The ready claims.
    static func ready(_ claims: [Claim]) -> CSVTable {
        var table = CSVTable(columns: columns)
        // By index: `for claim in claims` copied every claim (a kilobyte,
        // some forty references) to read it (`perf`).
        for index in claims.indices where claims[index].isReady {
            for line in claims[index].lines { table.append(row(claims[index], line)) }
        }
        return table
    }

    /// The held claims, with `held_by`: the rule ids, `;`-separated.
    static func held(_ claims: [Claim]) -> CSVTable {
        var table = CSVTable(columns: columns + ["held_by"])
        for index in claims.indices where !claims[index].isReady {
            for line in claims[index].lines {
                table.append(row(claims[index], line) + [claims[index].heldBy.joined(separator: ";")])
            }
        }
        return table
    }

    private static func row(_ claim: Claim, _ line: Claim.Line) -> [String] {
        let letters = Array("ABCDEFGHIJKL")
        return [
            claim.id, claim.service.sessionID, claim.service.member,
            claim.patient.lastName, claim.patient.firstName, claim.patient.dob?.description ?? "", claim.patient.sex,
            claim.memberID, claim.subscriber.lastName, claim.subscriber.firstName, claim.relationship.rawValue,
            claim.payerID, claim.payerName, claim.priorAuthorization ?? "",
            claim.diagnoses.map(ICD10CM.dotted).joined(separator: ";"),
            String(line.pointers.map { letters[$0 - 1] }),
            claim.service.date.description, claim.placeOfService, line.cpt, line.modifiers.joined(separator: ";"),
            String(line.units), line.charge.description, claim.renderingNPI, claim.renderingName,
            claim.billingNPI, claim.taxID,
        ]
    }
}
