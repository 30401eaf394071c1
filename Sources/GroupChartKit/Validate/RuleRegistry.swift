/// Every rule GroupChart runs, in the order and sections of rules.md. A rule
/// that is not listed here does not run; the catalogue test checks that each
/// listed rule has an explanation, fixtures and its entry in docs/rules.md.
public enum RuleRegistry {
    public static let sections: [(title: String, rules: [any Rule])] = [
        ("Documents and structure", [
            FrontMatterRule(),
            EncodingRule(),
            MissingFieldRule(),
            InvalidValueRule(),
            UnknownKeyRule(),
            UnknownReferenceRule(),
            DuplicateIDRule(),
            MissingSectionRule(),
            EmptySectionRule(),
            DuplicateSectionRule(),
            StrayFileRule(),
            SymlinkRule(),
        ]),
        ("Attendance", [
            NoteForAbsentMemberRule(),
            MissingMemberNoteRule(),
            NoteWithoutAttendanceRule(),
            AttendanceTimeRule(),
            AttendanceOverlapRule(),
            ClinicianOverlapRule(),
            NotEnrolledRule(),
            EnrolledNotRecordedRule(),
        ]),
        ("Billing compliance", [
            SimilarNotesRule(),
            TemplatedNotesRule(),
            ClonedNoteRule(),
            PsychoeducationOnlyRule(),
            GroupSizeRule(),
            OtherMemberNamedRule(),
            BenefitsUnverifiedRule(),
            AuthorizationRule(),
            AuthorizationExpiringRule(),
            InvalidNPIRule(),
            MissingCredentialsRule(),
            NoTreatmentPlanRule(),
            PlanModalityRule(),
            PlanIncompleteRule(),
            PlanReviewOverdueRule(),
            UnknownGoalRule(),
            GoalStatusRule(),
            GoalNotAddressedRule(),
            RiskLevelRule(),
            HighRiskSafetyPlanRule(),
            UnsignedNoteRule(),
            SignedBeforeSessionRule(),
            InvalidICD10Rule(),
            FutureSessionRule(),
            TimelyFilingRule(),
            SignatureMismatchRule(),
        ]),
        ("Individual sessions", [
            IndividualTimeCodeRule(),
            SameDayServicesRule(),
        ]),
        ("Claims lifecycle", [
            ClaimRejectedRule(),
            ClaimChangedAfterBillingRule(),
            ClaimVoidNeededRule(),
            ClaimAwaitingPayerRule(),
            DuplicateSubmissionRule(),
            SubmissionUnacknowledgedRule(),
            SubmissionRule(),
            AcknowledgmentRule(),
        ]),
        ("Reimbursement", [
            RemittanceRule(),
        ]),
    ]

    /// The rules about what was sent and what came back. Their errors say
    /// what to do about a claim's history, not that its record is wrong, so
    /// they hold no claim (`ClaimReadiness`).
    public static let billingHistoryRules: Set<String> = Set(
        sections.filter { ["Claims lifecycle", "Reimbursement"].contains($0.title) }.flatMap(\.rules).map(\.id))

    /// The rules whose errors say that a session, recorded truly, is not
    /// billable as recorded (psychoeducation; too few members for a group),
    /// not that its record is wrong or misread: a signature does not wait
    /// for them (`SigningPolicy`), and the void of a claim they made
    /// unbillable is not held by them (`VoidHold`), or it could never go.
    public static let unbillableSessionRules: Set<String> = ["psychoeducation-only", "group-size"]

    public static let all: [any Rule] = sections.flatMap(\.rules)

    /// The rules whose errors hold the claims of their related notes too.
    static let holdingRelatedClaims: Set<String> = Set(all.filter(\.holdsRelatedClaims).map(\.id))

    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }

    /// The rule id closest to a misspelt one.
    public static func nearestID(to id: String) -> String? {
        NearestName.to(id, in: all.map(\.id))
    }
}
