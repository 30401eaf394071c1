import Foundation
import GroupChartTestSupport
import Testing

/// Issue 15, points 4 and 5: `new individual` scaffolds an individual
/// session's note, and `new session` says what is true.
@Suite struct NewCommandTests {
    typealias Workflow = AuthoringWorkflowTests
    static let yesterday = WhereYouStandTests.yesterday

    /// `init`'s practice dated yesterday, its plan also naming individual psychotherapy.
    static func practice(in top: URL) throws -> URL {
        let root = try WhereYouStandTests.practice(in: top)
        let plan = "members/example-jordan/plan-\(Workflow.today).md"
        try Workflow.write(root, plan, try Workflow.read(root, plan).replacingOccurrences(
            of: "modality: group psychotherapy", with: "modality: [group psychotherapy, individual psychotherapy]"))
        try Workflow.write(root, "practice.yaml", try Workflow.read(root, "practice.yaml").replacingOccurrences(
            of: "  # \"90837\": 150.00", with: "  \"90837\": 150.00"))
        return root
    }

    @Test func anIndividualNoteIsScaffoldedAndChecksCleanOnceWritten() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try Self.practice(in: top)
        let path = "members/example-jordan/individual/\(Self.yesterday).md"
        let created = try Binary.run(["new", "individual", "--member", "example-jordan", "--date", Self.yesterday], in: top.appendingPathComponent("practice/groups"))
        #expect(created.status == 0 && created.standardError.isEmpty, "\(created.standardError)")
        #expect(created.standardOutput == """
            created ../\(path)
            Fill in start, end, cpt and each section; then sign it:
              groupchart sign ../\(path) --by rivera

            """)
        let skeleton = try Workflow.read(root, path)
        for line in ["date: \(Self.yesterday)", "start:", "end:", "clinician: rivera", "cpt:", "## Interventions", "## Goals",
                     "- G1: <status>. <!-- Lower daily worry ratings from 8 to 4 out of 10 -->", "## Risk", "## Plan"] {
            #expect(skeleton.contains("\n" + line), "no \(line)")
        }
        let rules = try Workflow.rules(root)
        #expect(Set(rules) == ["missing-field", "empty-section", "goal-status", "risk-level", "unsigned-note"], "\(rules)")

        let written = skeleton
            .replacingOccurrences(of: "\nstart:  ", with: "\nstart: \"10:00\"")
            .replacingOccurrences(of: "\nend:    ", with: "\nend: \"10:55\"")
            .replacingOccurrences(of: "\ncpt:    ", with: "\ncpt: \"90837\"")
        try Workflow.write(root, path, Workflow.filled(written, """
            ## Interventions
            Chain analysis of Sunday's avoided call; Jordan rehearsed the opening sentence aloud twice.

            ## Goals
            - G1: In progress. Worry ratings averaged 6 of 10 this week.
            - G2: In progress. Used paced breathing on three days.

            ## Risk
            Denies suicidal ideation. Risk level: low.

            ## Plan
            Make the call before Thursday and log the worry rating before and after.

            """))
        let signed = try Binary.run(["sign", path, "--by", "rivera"], in: root)
        #expect(signed.status == 0, "\(signed.standardOutput)")
        let check = try Binary.run(["check"], in: root)
        #expect(check.status == 0 && check.standardOutput == "0 errors, 0 warnings in 7 files\n", "\(check.standardOutput)")

        let again = try Binary.run(["new", "individual", "--member", "example-jordan", "--date", Self.yesterday], in: root)
        #expect(again.status == 2 && again.standardError.contains("never overwrites"))
        #expect(try Workflow.read(root, path).contains("signed_by: rivera"))
    }

    @Test func anIndividualNoteTakesTheClinicianAndCodeGivenAndRefusesWhatIsWrong() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try Self.practice(in: top)
        let given = try Binary.run(["new", "individual", "--member", "example-jordan", "--date", Self.yesterday,
                                    "--clinician", "rivera", "--cpt", "90834", "practice"], in: top)
        #expect(given.status == 0)
        let note = try Workflow.read(root, "members/example-jordan/individual/\(Self.yesterday).md")
        #expect(note.contains("\ncpt: \"90834\"") && note.contains("\nclinician: rivera"))
        #expect(given.standardOutput.contains("Fill in start, end and each section; then sign it:"))
        for (arguments, sentence) in [
            (["--member", "example-jordn"], "did you mean \"example-jordan\"?"),
            (["--member", "example-jordan", "--clinician", "rivra"], "did you mean \"rivera\"?"),
            (["--member", "example-jordan", "--cpt", "90853"], "is not a code of individual psychotherapy"),
        ] {
            let refused = try Binary.run(["new", "individual", "--date", "2026-01-05"] + arguments, in: root)
            #expect(refused.status == 2 && refused.standardError.contains(sentence), "\(refused.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("members/example-jordan/individual/2026-01-05.md").path))
        let later = try Binary.run(["new", "individual", "--member", "example-jordan", "--date", "2099-01-05"], in: root)
        #expect(later.status == 0 && later.standardError.contains("groupchart: warning: 2099-01-05 is after today"))
    }

    /// On `init`'s practice as written (a group-only plan, no fee for an
    /// individual code) the note is written, with a warning for each thing
    /// check will hold its claim for: the README's step 6 said nothing of them.
    @Test func anIndividualNoteOnAGroupOnlyPlanIsWrittenWithWhatItsClaimLacks() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try WhereYouStandTests.practice(in: top)
        let created = try Binary.run(["new", "individual", "--member", "example-jordan", "--date", Self.yesterday, "--cpt", "90834"], in: root)
        #expect(created.status == 0)
        #expect(created.standardError == """
            groupchart: warning: the plan in effect (members/example-jordan/plan-\(Workflow.today).md) names group psychotherapy, \
            not individual psychotherapy: add it to the plan's modality (modality: [group psychotherapy, individual psychotherapy]) \
            with its rationale; otherwise check reports plan-modality
            groupchart: warning: practice.yaml has no fee for 90834: add one under fees:; otherwise check reports missing-field

            """, "\(created.standardError)")
        let rules = try Workflow.rules(root)
        #expect(rules.contains("plan-modality") && rules.contains("missing-field"), "\(rules)")
        // With plan-modality turned off in practice.yaml, it is not warned of.
        try Workflow.write(root, "practice.yaml", try Workflow.read(root, "practice.yaml") + "rules:\n  plan-modality: off\n")
        let off = try Binary.run(["new", "individual", "--member", "example-jordan", "--date", "2026-01-05", "--cpt", "90834"], in: root)
        #expect(off.status == 0 && !off.standardError.contains("plan-modality"), "\(off.standardError)")
    }

    @Test func newSessionSaysWhatIsTrue() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try Self.practice(in: top)
        let group = try Workflow.read(root, "groups/coping-skills.md")
        try Workflow.write(root, "groups/coping-skills.md",
                           group.replacingOccurrences(of: "  - example-riley ", with: "  - {id: example-riley, joined: \(Self.yesterday)} "))
        let early = try Binary.run(["new", "session", "--group", "coping-skills", "--date", "2020-01-01"], in: root)
        #expect(early.status == 2)
        #expect(early.standardError.contains("""
            no member of group "coping-skills" is enrolled on 2020-01-01: its roster lists example-jordan, enrolled from \(Self.yesterday), \
            and example-riley, enrolled from \(Self.yesterday): date the session within those dates, or correct joined and left in groups/coping-skills.md
            """), "\(early.standardError)")
        #expect(!early.standardError.contains("enrolls no member"))
        #expect(try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.yesterday], in: root).status == 0)
        let twice = try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.yesterday], in: root)
        #expect(twice.status == 2 && twice.standardError.contains("with --suffix (such as --suffix pm)"))
        let evening = try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.yesterday, "--suffix", "pm"], in: root)
        #expect(evening.status == 0 && evening.standardError.isEmpty)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("sessions/\(Self.yesterday)-coping-skills-pm/session.md").path))
        let later = try Binary.run(["new", "session", "--group", "coping-skills", "--date", "2099-01-05"], in: root)
        #expect(later.status == 0)
        #expect(later.standardError == """
            groupchart: warning: 2099-01-05 is after today (\(Workflow.today)): the notes were written, but check reports \
            future-session until that day; if the date is wrong, delete what was written and run the command again with the right one

            """)
    }
}
