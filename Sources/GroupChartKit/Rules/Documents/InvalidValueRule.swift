/// `invalid-value`: a value of the wrong type or form.
struct InvalidValueRule: Rule {
    let id = "invalid-value"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a value has the wrong type or form: date, time, timestamp, money, slug, enum, sex, state, zip, a name with invisible characters"
    let explanation = Explanation(
        checks: """
            Every value against its kind (format.md, "Scalars"): dates are real calendar dates (2026-02-30 is \
            not), times are HH:MM on the 24-hour clock whether quoted or not, money has at most two decimals, \
            CPT codes are five digits, ids are lower-case slugs, and enumerations (sex, attendance status, \
            format, state) take one of their words, and names (of members, policy holders, clinicians, payers, \
            groups and the practice) hold no line break, control character or invisible format character \
            (right-to-left overrides, zero-width spaces and joiners), nor a character drawn as nothing or a \
            blank (the combining grapheme joiner, Hangul fillers, variation selectors, the braille blank). A co-facilitator who is the facilitator \
            is refused. When practice.yaml has `edi:`, the values the 837P \
            carries must hold no X12 separator (* : ^ ~) and have an ASCII form (accents are dropped: \
            Nguyễn is sent as Nguyen) no longer than their 837P element takes (a name 60 characters, a first \
            name 35, an address line 55, a city 30, a group number 50) nor shorter (an id 2, a city 2), and \
            none of them empty or beginning or ending with a space, which the 837P would send as written; \
            an insured member's plan lists at most \
            12 diagnoses (what HI holds), the billing ZIP must have nine digits, the practice's phone ten \
            digits (PER04), its taxonomy, when given, a ten-character NUCC code such as 106H00000X (PRV03), \
            and its billing address a street, not a post office box (2010AA); a clinician's name holds no \
            credential after a comma ("Angela Torres, LMFT": LMFT goes in credentials:). A tax_id written as a Social \
            Security number (123-45-6789) is refused, since it is sent as the practice's EIN, and so is a \
            diagnosis a plan lists twice (HI would carry it twice). A date of birth after today, or a member's after \
            the date of a service billed for them, is refused, and so are an authorization whose `to` is before \
            its `from` and a plan whose `review_by` is before its `effective` (said at the later key, once), and \
            an unquoted value a claim carries \
            (a name, an address line, an id or number) followed by a # glued to more text \
            (`street: 18 Alder St #4`), which YAML ends at " #" (a comment has a space after its #). A `signed_at` after today is refused, and so is an \
            Addendum heading that does not read "Addendum YYYY-MM-DD clinician" or is dated before the \
            note's signature or after today. Once practice.yaml's `edi: usage:` is `production`, the fictional \
            identifiers of `groupchart init` and the example (billing NPI 1234567893, EIN 12-3456789, the \
            clinicians' NPIs 1245319599 and 1830166132, submitter id EXAMPLE01 or HARBORBH01, receiver id \
            CLEARHOUSE, payer id 99999) are refused: well formed, they send claims under a provider that does \
            not exist.
            """,
        why: """
            Lenient parsers turn 2026-02-30 into March 2 and an unquoted 14:00 into 840; a claim built on \
            such a value bills the wrong day or the wrong length of session without anyone noticing. A name \
            with a zero-width space or a right-to-left override prints like another name in a record, while \
            every comparison (similar notes, other members named) takes it for someone else.
            """,
        example: """
            date: 2026-02-30
            start: 2pm
            """,
        fix: "Write the value in the form the message gives (`date: 2026-03-02`, `start: \"14:00\"`).")

    func check(_ context: RuleContext) -> [Finding] {
        context.readFindings(of: id) + ClaimRequirements.invalidValues(context) + SignatureDates.invalidValues(context)
            + SignatureDates.planDates(context) + BirthDates.invalidValues(context)
    }
}
