import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// One mistake, one diagnostic that leads to its fix: what a clinician's
/// review of a week with GroupChart found said wrongly, many times over,
/// or not at all (2026-12-07).
@Suite struct ClinicianWeekTests {
    private let session = "sessions/2026-03-05-skills"

    private func practice() throws -> FixturePractice { try FixturePractice() }

    private func said(_ report: CheckReport) -> [String] {
        report.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.rule)" }
    }

    /// A plan whose goals cannot be read (`Goals:`) is said at the plan,
    /// not as "not a goal of the plan" at every item of every note, with
    /// help to delete correct items.
    @Test func aPlansUnreadGoalsAreSaidOnceAtThePlan() throws {
        let practice = try practice()
        defer { practice.delete() }
        let plan = "members/doe-jane/plan-2026-01-29.md"
        try practice.write(plan, try practice.read(plan).replacingOccurrences(of: "goals:", with: "Goals:"))
        let report = try practice.check()
        #expect(!report.diagnostics.contains { $0.rule == "unknown-goal" }, "\(said(report))")
        #expect(report.diagnostics.contains { $0.rule == "missing-field" && $0.location.file == plan })
    }

    /// A plan's goals renamed in place after notes were signed: the help at
    /// a signed note says to restore the plan and write a new one, never to
    /// edit the signed note.
    @Test func aSignedNotesUnknownGoalPointsAtThePlan() throws {
        let practice = try practice()
        defer { practice.delete() }
        let plan = "members/doe-jane/plan-2026-01-29.md"
        try practice.write(plan, try practice.read(plan).replacingOccurrences(of: "  G1: Reduce", with: "  G3: Reduce"))
        let unknown = try #require(try practice.check().diagnostics.first { $0.rule == "unknown-goal" })
        #expect(unknown.help.hasSuffix("; this note is signed: if the goals of \(plan) were changed after it was, restore them there "
                                       + "and write the changed goals in a new plan with its own effective date rather than editing the note"),
                "\(unknown.help)")
    }

    /// A note saved as "doe-jane.md.txt" (TextEdit, Notepad) or
    /// "doe-jane.MD" is a stray whose help names the file to rename it to,
    /// and the member's missing note says where the note is.
    @Test func aNoteSavedUnderAnotherNameIsToldToBeRenamed() throws {
        for saved in ["doe-jane.md.txt", "doe-jane.MD", "doe-jane.markdown"] {
            let practice = try practice()
            defer { practice.delete() }
            try practice.write("\(session)/\(saved)", try practice.read("\(session)/doe-jane.md"))
            try practice.remove("\(session)/doe-jane.md")
            let report = try practice.check()
            let stray = try #require(report.diagnostics.first { $0.rule == "stray-file" }, "\(saved): \(said(report))")
            #expect(stray.help.hasSuffix(": rename this file doe-jane.md"), "\(stray.help)")
            let missing = try #require(report.diagnostics.first { $0.rule == "missing-member-note" })
            #expect(missing.help == "\(session)/\(saved) is not read under that name: rename it \(session)/doe-jane.md")
        }
    }

    /// An attendance id written in capitals is one `invalid-value` with the
    /// id it means, and one misspelt is one `unknown-reference` with "did
    /// you mean": the member's note was also "not in the attendance log"
    /// and the member "missing from it", each with help to add a second entry.
    @Test func aMisspeltAttendanceIDIsOneDiagnostic() throws {
        for (written, rule) in [("Doe-Jane", "invalid-value"), ("doe-jan", "unknown-reference")] {
            let practice = try practice()
            defer { practice.delete() }
            try practice.write("\(session)/session.md", try practice.read("\(session)/session.md")
                .replacingOccurrences(of: "  doe-jane: present", with: "  \(written): present"))
            let report = try practice.check()
            #expect(said(report) == ["\(session)/session.md:10 \(rule)"], "\(written): \(said(report))")
            if rule == "invalid-value" { #expect(report.diagnostics.first?.help.hasPrefix("write \"doe-jane\"") == true) }
        }
        // Beside the id as it should be, the one in capitals is not read as a second entry of the member (a code review).
        let practice = try practice()
        defer { practice.delete() }
        try practice.write("\(session)/session.md", try practice.read("\(session)/session.md")
            .replacingOccurrences(of: "  doe-jane: present", with: "  doe-jane: present\n  Doe-Jane: present"))
        let record = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record
        #expect(record.sessions.first?.note?.attendance.map(\.member.value) == ["doe-jane", "roe-sam"])
    }

    /// A roster date that cannot be read is said there, and the member is
    /// neither expected at every session nor said to attend unenrolled.
    @Test func anUnreadRosterDateEnrollsNobodyEverywhere() throws {
        let practice = try practice()
        defer { practice.delete() }
        // A member joining after the session, the date written as the clinician writes it.
        try practice.write("members/poe-ann/profile.md", try practice.read("members/doe-jane/profile.md")
            .replacingOccurrences(of: "first_name: Jane", with: "first_name: Ann").replacingOccurrences(of: "last_name: Doe", with: "last_name: Poe")
            .replacingOccurrences(of: "AET-0001", with: "AET-0009"))
        try practice.write("groups/skills.md", try practice.read("groups/skills.md")
            .replacingOccurrences(of: "members: [doe-jane, roe-sam]", with: "members: [doe-jane, roe-sam, {id: poe-ann, joined: 03/09/2026}]"))
        let report = try practice.check()
        #expect(said(report) == ["groups/skills.md:6 invalid-value"], "\(said(report))")
        // `new session` says whom it left out, and why (a code review found them left out without a word).
        let written = try SessionSkeleton.create(in: try PracticeLocation(practice.root.path), group: "skills",
                                                 date: LocalDate(year: 2026, month: 3, day: 26)!, today: FixturePractice.today)
        #expect(written.members == ["doe-jane", "roe-sam"])
        #expect(written.warnings.contains { $0.hasPrefix("poe-ann was left out of the attendance log: the dates of their roster entry") },
                "\(written.warnings)")
        // With every date unreadable, the refusal says so rather than end in nothing.
        try practice.write("groups/skills.md", try practice.read("groups/skills.md").replacingOccurrences(
            of: "members: [doe-jane, roe-sam, {id: poe-ann, joined: 03/09/2026}]",
            with: "members: [{id: doe-jane, joined: 1/8/2026}, {id: roe-sam, joined: 1/8/2026}]"))
        #expect {
            try SessionSkeleton.create(in: try PracticeLocation(practice.root.path), group: "skills",
                                       date: LocalDate(year: 2026, month: 3, day: 27)!, today: FixturePractice.today)
        } throws: { error in
            "\(error)".contains("its roster lists doe-jane, whose roster dates cannot be read (groupchart check says why), and roe-sam, whose")
        }
    }

    /// Goal items written without the colon after the id, as a word
    /// processor writes them, are read as the goal and status they name
    /// and warned of once each: each gave three diagnostics, two false.
    @Test func aGoalItemWithoutItsColonIsOneWarning() throws {
        let practice = try practice()
        defer { practice.delete() }
        let note = "\(session)/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "- G1: In progress.", with: "- G1 \u{2013} In progress:")
            .replacingOccurrences(of: "- G2: In progress.", with: "1. G2 In progress."))
        let report = try practice.check()
        #expect(said(report) == ["\(note):9 unknown-goal", "\(note):10 unknown-goal"], "\(said(report))")
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning && $0.message.hasSuffix("has no colon after its id") })
    }

    /// An absent member's draft left as `new session` wrote it is one
    /// error, to delete it: it was eight, asking for a note to be written
    /// and signed for someone who was not there. Once written, it is
    /// checked as any note.
    @Test func anAbsentMembersUntouchedDraftIsOneError() throws {
        let practice = try practice()
        defer { practice.delete() }
        let note = "\(session)/doe-jane.md"
        try practice.write("\(session)/session.md", try practice.read("\(session)/session.md")
            .replacingOccurrences(of: "  doe-jane: present", with: "  doe-jane: {status: absent, reason: illness}"))
        try practice.write(note, """
            ---
            ---
            ## Participation
            <!-- What this member did and said in this session. -->

            ## Goals
            - G1: <status>. <!-- Reduce self-harm urges -->
            - G2: <status>. <!-- Use skills -->

            ## Risk
            <!-- End with "Risk level: low", "moderate" or "high". -->

            ## Plan
            <!-- What comes next. -->

            """)
        var report = try practice.check()
        #expect(said(report).filter { $0.hasPrefix(note) } == ["\(note):1 note-for-absent-member"], "\(said(report))")
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "<!-- What this member did and said in this session. -->",
                                                                              with: "Sat in for ten minutes."))
        report = try practice.check()
        #expect(said(report).filter { $0.hasPrefix(note) }.count > 1, "written, it is a note like any other: \(said(report))")
    }

    /// Sections headed as a word processor heads them ("Participation:",
    /// "**Risk**") are said at the line, with the heading to write, not as
    /// four sections missing at line 1.
    @Test func aSectionLabelWrittenAsTextIsPointedAt() throws {
        let practice = try practice()
        defer { practice.delete() }
        let note = "\(session)/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Participation\n", with: "Participation:\n")
            .replacingOccurrences(of: "## Risk\n", with: "**Risk**\n"))
        let missing = try practice.check().diagnostics.filter { $0.rule == "missing-section" }
        #expect(missing.map { "\($0.location.line):\($0.location.column)" } == ["5:1", "12:1"], "\(missing.map(\.message))")
        #expect(missing.first?.help.hasPrefix("a section starts with a heading: write \"## Participation\" on a line of its own") == true)
    }

    /// `sign` of a folder holding a note changed since it was signed says
    /// so and signs nothing of it; it said "already signed" and exit 0.
    @Test func signingAFolderRefusesANoteChangedSinceItWasSigned() throws {
        let practice = try practice()
        defer { practice.delete() }
        let folder = practice.root.appendingPathComponent(session).path
        let at = Timestamp(date: LocalDate(year: 2026, month: 3, day: 6)!, time: LocalTime(hour: 9, minute: 0)!)
        // Signed anew with digests (the fixture's notes are signed by hand), each named.
        let first = try NoteSigner.sign(["session.md", "doe-jane.md", "roe-sam.md"].map { folder + "/" + $0 }, by: "torres", at: at,
                                        force: true)
        #expect(first.refused.isEmpty && first.signed.count == 3, "\(first.refused)")
        let note = "\(session)/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "Risk level: low", with: "Risk level: moderate"))
        let again = try NoteSigner.sign([folder], by: "torres", at: at)
        #expect(again.alreadySigned.count == 2 && again.refused.map(\.path) == [note], "\(again.alreadySigned) \(again.refused)")
        #expect(again.refused.first?.reason.hasPrefix("it was changed after it was signed by torres") == true)
    }
}
