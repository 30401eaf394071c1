import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// `groupchart new session`: a session folder whose skeletons list who is
/// enrolled and what each member's plan aims at, and which fail `check`
/// until a clinician has written them.
@Suite struct NewSessionTests {
    static let date = LocalDate(year: 2026, month: 3, day: 12)!

    static func create(_ practice: FixturePractice, group: String = "skills", date: LocalDate = date,
                       suffix: String? = nil) throws -> SessionSkeleton.Written {
        try SessionSkeleton.create(in: try PracticeLocation(practice.root.path), group: group, date: date, suffix: suffix,
                                   today: FixturePractice.today)
    }

    @Test func itListsTheEnrolledMembersAndEachOnesGoals() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let written = try Self.create(practice)
        let folder = "sessions/2026-03-12-skills"
        #expect(written.paths == ["\(folder)/session.md", "\(folder)/doe-jane.md", "\(folder)/roe-sam.md"])
        let session = try practice.read("\(folder)/session.md")
        #expect(session.hasPrefix("---\ngroup: skills\ndate: 2026-03-12\nstart: "))
        #expect(session.contains("facilitator: torres ") && session.contains("co_facilitator: park "))
        // Where it was held is written in and signed with the note, not taken from the group as it reads later.
        #expect(session.contains("\nplace_of_service: \"11\" "), "\(session)")
        #expect(session.contains("attendance:\n  doe-jane: present\n  roe-sam: present\n---\n"))
        let jane = try practice.read("\(folder)/doe-jane.md")
        #expect(jane.contains("- G1: <status>. <!-- Reduce self-harm urges from daily to fewer than 2 per week -->\n"))
        #expect(jane.contains("- G2: <status>. <!-- Use at least 3 distress tolerance skills during crises -->\n"))
        let sam = try practice.read("\(folder)/roe-sam.md")
        #expect(sam.contains("- G1: <status>.") && !sam.contains("- G2:"))
        for heading in ["## Participation\n", "## Goals\n", "## Risk\n", "## Plan\n"] { #expect(sam.contains(heading)) }
    }

    /// What an unfilled skeleton fails with: placeholders, no signature,
    /// no session times; nothing a clinician would not expect.
    @Test func anUnfilledSkeletonFailsWithEmptySectionsOnly() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try Self.create(practice)
        let diagnostics = try practice.check().diagnostics
        let rules = Set(diagnostics.map(\.rule))
        #expect(rules.contains("empty-section"))
        #expect(rules.isSubset(of: ["empty-section", "goal-status", "risk-level", "unsigned-note", "missing-field"]), "\(rules.sorted())")
        #expect(diagnostics.filter { $0.rule == "missing-field" }.map(\.message) == ["\"start\" has no value", "\"end\" has no value"])
        #expect(diagnostics.allSatisfy { $0.location.file.hasPrefix("sessions/2026-03-12-skills/") })
    }

    @Test func itNeverOverwrites() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("sessions/2026-03-12-skills/doe-jane.md", "mine\n")
        #expect(throws: Refusal.self) { try Self.create(practice) }
        #expect(try practice.read("sessions/2026-03-12-skills/doe-jane.md") == "mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: practice.root.appendingPathComponent("sessions/2026-03-12-skills").path) == ["doe-jane.md"])
    }

    /// A link where the new session's folder or note would go, even one
    /// that points at nothing, is never replaced (new individual replaced
    /// a dangling link with its note).
    @Test func aLinkWhereTheNoteWouldGoIsNeverReplaced() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let folder = practice.root.appendingPathComponent("sessions/2026-03-12-skills").path
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: "/nonexistent-groupchart-target")
        #expect(throws: Refusal.self) { try Self.create(practice) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder) == "/nonexistent-groupchart-target")
        let note = practice.root.appendingPathComponent("members/doe-jane/individual/2026-03-12.md").path
        try FileManager.default.createDirectory(atPath: (note as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: note, withDestinationPath: "/nonexistent-groupchart-note.md")
        #expect(throws: Refusal.self) {
            try IndividualSkeleton.create(in: try PracticeLocation(practice.root.path), member: "doe-jane",
                                          date: LocalDate(year: 2026, month: 3, day: 12)!, cpt: "90834",
                                          today: FixturePractice.today)
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: note) == "/nonexistent-groupchart-note.md")
    }

    @Test func anUnknownGroupIsRefusedWithTheNearestID() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let refusal = #expect(throws: Refusal.self) { try Self.create(practice, group: "skils") }
        #expect(refusal?.description == "no group \"skils\" in groups/: did you mean \"skills\"?")
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("sessions/2026-03-12-skils").path))
    }

    /// A date the roster's dates cover for nobody is refused, in the
    /// roster's terms, not "enrolls no member" beside a roster that lists two.
    @Test func aDateBeforeAnyoneJoinedIsRefusedWithTheJoiningDates() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let group = try practice.read("groups/skills.md").replacingOccurrences(
            of: "members: [doe-jane, roe-sam]", with: "members: [{id: doe-jane, joined: 2026-01-29}, {id: roe-sam, joined: 2026-02-05}]")
        try practice.write("groups/skills.md", group)
        let refusal = #expect(throws: Refusal.self) { try Self.create(practice, date: LocalDate(year: 2026, month: 1, day: 20)!) }
        #expect(refusal?.description == """
            no member of group "skills" is enrolled on 2026-01-20: its roster lists doe-jane, enrolled from 2026-01-29, \
            and roe-sam, enrolled from 2026-02-05: date the session within those dates, or correct joined and left in groups/skills.md
            """)
    }

    @Test func aRosterOfNobodyOrOfUnknownMembersIsNamed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.remove("members/doe-jane/plan-2026-01-29.md")
        try practice.remove("members/roe-sam/plan-2026-01-29.md")
        let group = try practice.read("groups/skills.md")
        try practice.write("groups/skills.md", group.replacingOccurrences(of: "members: [doe-jane, roe-sam]", with: "members: [doe-jan]"))
        let unknown = #expect(throws: Refusal.self) { try Self.create(practice) }
        #expect(unknown?.description == """
            no member of group "skills" is enrolled on 2026-03-12: its roster lists "doe-jan", who has no folder in members/ \
            (add members/<id>/profile.md)
            """)
        try practice.write("groups/skills.md", group.replacingOccurrences(of: "members: [doe-jane, roe-sam]", with: "members: []"))
        let nobody = #expect(throws: Refusal.self) { try Self.create(practice) }
        #expect(nobody?.description == "group \"skills\" lists no members: add them to groups/skills.md (members: [...]), then run new session again")
    }

    /// A second session that day gets a folder of its own; a taken folder
    /// is refused with the option that makes one.
    @Test func aSuffixNamesASecondSessionThatDay() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try Self.create(practice)
        let twice = #expect(throws: Refusal.self) { try Self.create(practice) }
        #expect(twice?.description.hasSuffix("give a second session that day a folder of its own with --suffix (such as --suffix pm)") == true)
        let evening = try Self.create(practice, suffix: "pm")
        #expect(evening.sessionFolder == "sessions/2026-03-12-skills-pm")
        #expect(try practice.check().diagnostics.allSatisfy { $0.rule != "duplicate-id" })
        #expect(throws: Refusal.self) { try Self.create(practice, suffix: "P M") }
    }

    /// A date after today is written, with a warning (issue 15).
    @Test func aDateAfterTodayIsWrittenWithAWarning() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        #expect(try Self.create(practice).warnings.isEmpty)
        let later = try Self.create(practice, date: LocalDate(year: 2026, month: 4, day: 2)!)
        #expect(later.warnings == ["""
            2026-04-02 is after today (2026-03-31): the notes were written, but check reports future-session until that day; \
            if the date is wrong, delete what was written and run the command again with the right one
            """])
    }

    /// The roster alone enrolls (format.md): a member who left before the
    /// date is not written in, though their plan still names the group, and
    /// one who joins after it is not either.
    @Test func theRosterAndItsDatesDecideWhoIsWrittenIn() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let group = try practice.read("groups/skills.md").replacingOccurrences(
            of: "members: [doe-jane, roe-sam]", with: "members: [{id: doe-jane, joined: 2026-03-19}, {id: roe-sam, left: 2026-03-11}]")
        try practice.write("groups/skills.md", group)
        #expect(throws: Refusal.self) { try Self.create(practice) }
        try practice.write("groups/skills.md", group.replacingOccurrences(of: "joined: 2026-03-19", with: "joined: 2026-03-12"))
        #expect(try Self.create(practice).members == ["doe-jane"])
    }

    /// A session dated before a member joins, or before a member's first
    /// plan, is written with a warning naming each: `init` dates its roster
    /// and plans today, and a session of an earlier day was written, without
    /// a word, for fewer members than it had and with notes of no goals.
    @Test func membersNotYetEnrolledOrWithoutAPlanAreNamed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let group = try practice.read("groups/skills.md").replacingOccurrences(
            of: "members: [doe-jane, roe-sam]", with: "members: [doe-jane, {id: roe-sam, joined: 2026-03-19}]")
        try practice.write("groups/skills.md", group)
        let plan = try practice.read("members/doe-jane/plan-2026-01-29.md")
        try practice.remove("members/doe-jane/plan-2026-01-29.md")
        try practice.write("members/doe-jane/plan-2026-03-20.md", plan.replacingOccurrences(of: "effective: 2026-01-29", with: "effective: 2026-03-20"))
        let written = try Self.create(practice)
        #expect(written.members == ["doe-jane"])
        #expect(written.warnings == [
            """
            roe-sam was left out of the attendance log: the roster enrolls them from 2026-03-19; if they attended on 2026-03-12, \
            correct joined: in groups/skills.md, then delete the session's folder and run new session again
            """,
            """
            no treatment plan of doe-jane is in effect on 2026-03-12 (the first takes effect on 2026-03-20): their note lists \
            no goals, and check reports no-treatment-plan until a plan takes effect on or before that day
            """,
        ])
        // A member enrolled ahead (joins after today), or back after a gap
        // in the roster, is no slip: nothing is said of them.
        for roster in ["{id: roe-sam, joined: 2026-04-15}", "{id: roe-sam, left: 2026-02-01}, {id: roe-sam, joined: 2026-03-19}"] {
            try practice.write("groups/skills.md", group.replacingOccurrences(of: "{id: roe-sam, joined: 2026-03-19}", with: roster))
            try practice.remove("sessions/2026-03-12-skills")
            #expect(try Self.create(practice).warnings.count == 1, "\(roster)")
        }
        // A member who left before the date is no slip: nothing is said.
        try practice.write("groups/skills.md", group.replacingOccurrences(of: "{id: roe-sam, joined: 2026-03-19}", with: "{id: roe-sam, left: 2026-03-11}"))
        try practice.remove("members/doe-jane/plan-2026-03-20.md")
        try practice.write("members/doe-jane/plan-2026-01-29.md", plan)
        #expect(try Self.create(practice, suffix: "pm").warnings.isEmpty)
    }

    /// With the schemas of `init` in the practice, each note names its schema.
    @Test func notesNameTheirSchemaWhenThePracticeHasThem() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write(".groupchart/schemas/session-note.schema.json", "{}\n")
        _ = try Self.create(practice)
        #expect(try practice.read("sessions/2026-03-12-skills/session.md")
            .hasPrefix("---\n# yaml-language-server: $schema=../../.groupchart/schemas/session-note.schema.json\ngroup: skills\n"))
        #expect(try practice.read("sessions/2026-03-12-skills/roe-sam.md")
            .hasPrefix("---\n# yaml-language-server: $schema=../../.groupchart/schemas/progress-note.schema.json\n"))
    }
}
