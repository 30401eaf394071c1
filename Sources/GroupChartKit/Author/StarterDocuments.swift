/// The documents of the practice `groupchart init` writes: the smallest
/// practice that passes `check`, with one clinician, one payer, one group and
/// the two members a group session needs (`group-size`), one insured and one
/// paying for herself, each commented so that a new user learns the format by
/// replacing the fictional values with their own.
///
/// Dates count from the day of `init` (the plan takes effect that day and is
/// reviewed three months later; benefits were verified that day), so that
/// the practice checks clean on the day it is made and sessions can be
/// written from then on.
struct StarterDocuments {
    static let clinician = "rivera"
    static let group = "coping-skills"
    static let member = "example-jordan"
    static let secondMember = "example-riley"

    var today: LocalDate

    var files: [NewFile] {
        [
            NewFile(path: "practice.yaml", text: practice),
            NewFile(path: "groups/\(Self.group).md", text: group),
            NewFile(path: "members/\(Self.member)/profile.md", text: profile),
            NewFile(path: "members/\(Self.member)/plan-\(today).md", text: plan),
            NewFile(path: "members/\(Self.secondMember)/profile.md", text: secondProfile),
            NewFile(path: "members/\(Self.secondMember)/plan-\(today).md", text: secondPlan),
            NewFile(path: ".gitignore", text: gitignore),
        ]
    }

    /// Three months on, the day clamped to the month's length.
    var reviewDate: LocalDate {
        let month = (today.month + 2) % 12 + 1
        let year = today.year + (today.month + 2) / 12
        return LocalDate(year: year, month: month, day: min(today.day, LocalDate.days(inMonth: month, year: year)))!
    }

    private func modeline(_ kind: DocumentKind) -> String {
        SchemaCatalogue.modeline(for: kind)
    }

    var practice: String {
        """
        \(modeline(.practice))
        # practice.yaml: who bills, who treats, who pays, and what it costs.
        # Written by `groupchart init` with fictional values: replace them with your own,
        # then run `groupchart check`. The schemas in .groupchart/schemas/ describe every key.

        # The billing provider: box 33 of the CMS-1500 and the 837P billing provider loop.
        practice:
          name: Example Counseling Group   # the practice's name as payers know it
          npi: "1234567893"                # the billing NPI (box 33a): ten digits, in quotes
          tax_id: "12-3456789"             # the employer identification number, EIN (box 25)
          address:                         # the billing address (box 33)
            street: "100 Main St, Suite 2" # street and number
            city: Oakland                  # city
            state: CA                      # two-letter state code
            zip: "94607-3710"              # ZIP+4 in quotes: the 837P needs nine digits here
          phone: "510-555-0100"            # the practice's phone number (the 837P needs it)

        # Electronic claims: with an edi: block, `groupchart build` also writes claims.837, the
        # X12 837P your clearinghouse takes; without one it writes claims.csv only. Ask the
        # clearinghouse for these values, then remove the "# " (hash and space) at the start of each line:
        # edi:
        #   submitter_id: EXAMPLE01        # your submitter id at the clearinghouse (ISA06, NM1*41)
        #   receiver_id: CLEARHOUSE        # the clearinghouse's receiver id (ISA08, NM1*40)
        #   receiver_name: Example Clearinghouse   # the clearinghouse's name (NM1*40)
        #   usage: test                    # test | production (ISA15): test until the clearinghouse says otherwise

        # Clinicians who facilitate groups and sign notes. The id ("\(Self.clinician)") is what
        # groups, notes and `groupchart sign --by` name.
        clinicians:
          \(Self.clinician):                          # the clinician's id
            name: Dana Rivera              # full name, as on the licence
            credentials: LMFT              # licence: a facilitator needs credentials and an NPI
            npi: "1245319599"              # the clinician's own NPI (the claim's rendering provider)

        # Insurance payers, by the id a member's profile names in insurance.payer.
        payers:
          example-health:                  # the payer's id
            name: Example Health Plan      # the payer's name
            payer_id: "99999"              # the payer id your clearinghouse lists, in quotes
            group_authorization: not-required   # required | not-required: prior authorization for group therapy

        # The practice's charge per CPT code on each claim line (90853: group psychotherapy).
        fees:
          "90853": 65.00                   # dollars and cents, no currency sign
          # Individual psychotherapy (`groupchart new individual`), by its minutes:
          # "90832": 80.00                 # 16-37 minutes
          # "90834": 110.00                # 38-52 minutes
          # "90837": 150.00                # 53 minutes or more

        # Optional: turn a rule off or change its severity or parameters;
        # `groupchart explain` lists the rules. For example:
        # rules:
        #   group-size: {max: 10}

        """
    }

    var group: String {
        """
        ---
        \(modeline(.group(id: Self.group)))
        name: Coping Skills Group          # the group's name
        cpt: "90853"                       # group psychotherapy
        facilitator: \(Self.clinician)                # the clinician who leads it (an id of practice.yaml)
        # co_facilitator: another-clinician   # optional
        members:                           # the roster: who is enrolled, by folder name under members/
          - id: \(Self.member)             # a member id alone is enrolled on every date;
            joined: \(today)             # joined and left (both optional, inclusive) date the enrollment
          - \(Self.secondMember)                  # a member who leaves keeps the entry, with left: YYYY-MM-DD
        ---
        ## Purpose
        A weekly 90-minute skills group for adults with anxiety: worry postponement,
        paced breathing and graded exposure, rehearsed in the group with peer feedback.

        """
    }

    var profile: String {
        """
        ---
        \(modeline(.profile(member: Self.member)))
        first_name: Jordan                 # as on the insurance card
        last_name: Example
        dob: 1990-04-02                    # date of birth, YYYY-MM-DD
        sex: F                             # M | F | U
        address: {street: "5 Elm St", city: Oakland, state: CA, zip: "94610"}
        insurance:                         # or: insurance: self-pay
          payer: example-health            # a payer id of practice.yaml
          member_id: EXH-000123            # the member id on the insurance card
          subscriber: self                 # or {relationship: spouse, first_name, last_name, dob, sex}
          benefits:                        # the group-benefit verification, before the first session
            verified_on: \(today)        # when the payer confirmed group therapy is covered
            verified_by: \(Self.clinician)            # who called
            group_therapy_covered: true
            copay: 20.00                   # the member's copay per session
        ---
        A fictional member: replace this folder with your members' own.

        """
    }

    var plan: String {
        """
        ---
        \(modeline(.plan(member: Self.member)))
        effective: \(today)              # the plan in effect on a date is the latest effective on or before it
        review_by: \(reviewDate)              # when the plan must be reviewed
        modality: group psychotherapy      # or a list: [group psychotherapy, individual psychotherapy]
        group: \(Self.group)               # the group this plan treats in
        frequency: weekly                  # type, amount, frequency and duration: what payers expect a plan to state
        session_minutes: 90
        duration: 12 weeks
        diagnoses: [F41.1]                 # ICD-10-CM, primary first
        goals:                             # measurable goals; each progress note reports on each by id
          G1: Lower daily worry ratings from 8 to 4 out of 10
          G2: Use at least two coping skills when anxious, four days a week
        signed_by: \(Self.clinician)
        signed_on: \(today)
        ---
        ## Rationale for group modality
        Worry and avoidance are maintained by skills deficits that are best practised
        with peers: the group gives graded exposure to speaking up and rehearsal of
        coping skills with feedback.

        """
    }

    var secondProfile: String {
        """
        ---
        \(modeline(.profile(member: Self.secondMember)))
        first_name: Riley
        last_name: Example
        dob: 1987-09-14
        sex: F
        insurance: self-pay                # pays for herself: no claim is built for her sessions
        ---
        A second fictional member: a group session needs at least two.

        """
    }

    var secondPlan: String {
        """
        ---
        \(modeline(.plan(member: Self.secondMember)))
        effective: \(today)
        review_by: \(reviewDate)
        modality: group psychotherapy
        group: \(Self.group)               # or a list of the groups this plan treats in
        frequency: weekly
        session_minutes: 90
        duration: 12 weeks
        diagnoses: [F41.0]
        goals:
          G1: Reduce panic attacks from 3 a week to 1
        signed_by: \(Self.clinician)
        signed_on: \(today)
        ---
        ## Rationale for group modality
        Interoceptive exposure is practised best with peers who model it and
        encourage staying with the sensations.

        """
    }

    var gitignore: String {
        """
        # Outputs of `groupchart build`, made again from the records at any time.
        /build/

        """
    }
}
