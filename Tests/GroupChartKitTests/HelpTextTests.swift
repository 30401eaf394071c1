import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Helps that, followed to the letter, did harm or could not be followed
/// (a review that did what each help said): each now says what works.
@Suite struct HelpTextTests {
    private func fixture(_ name: String) throws -> FixturePractice {
        try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/\(name)"))
    }

    /// A required key written under a misspelt name: rename it. The key's
    /// own hint offered `insurance: self-pay`, which voided paid claims.
    @Test func aMisspeltKeyIsToBeRenamed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = "members/doe-jane/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "\ninsurance:", with: "\ninsurence:"))
        let missing = try #require(try practice.check().diagnostics.first { $0.rule == "missing-field" })
        #expect(missing.message == "missing key \"insurance\"")
        #expect(missing.help == "\"insurence\" (line 7) looks like this key misspelt: rename it \"insurance\"")
    }

    /// A session of one: write the individual session and remove the
    /// group's folder (left, it stayed an error beside the new note).
    @Test func aSessionOfOneSaysHowToBillItAsIndividual() throws {
        let practice = try fixture("group-size/fail")
        defer { practice.delete() }
        let size = try #require(try practice.check().diagnostics.first { $0.rule == "group-size" })
        #expect(size.help == "bill it as what it was, an individual session: write it (groupchart new individual --member doe-jane "
                    + "--date 2026-03-05), then remove this session's folder (git rm -r sessions/2026-03-05-skills)")
    }

    /// Set to a warning, `group-size` holds nothing, and says nothing of
    /// held claims: it said "its claims are held" of claims it billed.
    @Test func aSessionOfOneAsAWarningSaysNothingOfHeldClaims() throws {
        let practice = try fixture("group-size/fail")
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml") + "rules:\n  group-size: warning\n")
        let size = try #require(try practice.check().diagnostics.first { $0.rule == "group-size" })
        #expect(size.severity == .warning)
        #expect(size.message == "only 1 member attended, fewer than 2: not group psychotherapy")
    }

    /// Two members who met under the practice's minimum had a group, not
    /// two individual sessions of the same hour: the help keeps the record.
    @Test func aSmallGroupOfTwoIsNotToBeBilledAsTwoIndividualSessions() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml") + "rules:\n  group-size: {min: 3}\n")
        let size = try #require(try practice.check().diagnostics.first { $0.rule == "group-size" })
        #expect(size.help == "keep the record as it is (if more members attended, correct their attendance); as an error, the "
                    + "default, this holds the session's claims")
    }

    /// A missing key beside another key of the document (`last_name`
    /// beside a missing `first_name`) is no misspelling of it.
    @Test func aKeyOfTheDocumentIsNotTakenForAMisspelling() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = "members/doe-jane/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: Jane\n", with: ""))
        let missing = try #require(try practice.check().diagnostics.first { $0.rule == "missing-field" })
        #expect(missing.message == "missing key \"first_name\"" && !missing.help.contains("misspelt"), "\(missing.help)")
    }

    /// A second original a 999 shows was received is the billing history:
    /// kept, not removed as "never uploaded".
    @Test func aDuplicateThatWasReceivedIsKept() throws {
        let practice = try fixture("duplicate-submission/fail")
        defer { practice.delete() }
        let helps = Set(try practice.check().diagnostics.filter { $0.rule == "duplicate-submission" }.map(\.help))
        #expect(helps == ["a 999 shows this file was received: keep it, as it is what was sent; expect the payer to deny the copy "
                            + "(CARC 18), and send nothing again"])
        try practice.remove("acknowledgments/2026-03-14-clearinghouse.999")
        let unanswered = Set(try practice.check().diagnostics.filter { $0.rule == "duplicate-submission" }.map(\.help))
        #expect(unanswered == ["a correction goes as a replacement; remove this submission if it was never uploaded"])
    }

    /// An addendum explains; it does not change what the claim is built from.
    @Test func aChangeAfterSigningSaysAnAddendumDoesNotChangeTheClaim() throws {
        let practice = try fixture("signature-mismatch/fail-front-matter")
        defer { practice.delete() }
        let mismatch = try #require(try practice.check().diagnostics.first { $0.rule == "signature-mismatch" })
        #expect(mismatch.help.hasSuffix("an addendum does not change the times, code or attendance the claim is built from: if one of "
                                         + "those was wrong, correct it and sign the note again (groupchart sign --force), and the claim follows"))
    }

    /// A path pasted into a shell is one word.
    @Test func pathsInCommandsAreQuotedForTheShell() {
        #expect(ShellWord.quoted("sessions/2026-03-05-skills") == "sessions/2026-03-05-skills")
        #expect(ShellWord.quoted("My Practice/sessions") == "'My Practice/sessions'")
        #expect(ShellWord.quoted("it's") == "'it'\\''s'")
        #expect(ShellWord.quoted("") == "''")
        #expect(ShellWord.quoted("Séance") == "'Séance'")
    }

    /// A practice template that does not parse says what is wrong in words
    /// (it printed swift-mustache's `expectedSectionEnd`).
    @Test func aTemplateThatDoesNotParseSaysWhyInWords() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("templates/index.mustache", "<p>\n{{#members}}\nhello\n")
        #expect {
            _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today)))
        } throws: { error in
            "\(error)" == "templates/index.mustache:4:1: error: the template does not parse: a section opened here or above "
                + "({{#name}} or {{^name}}) is never closed: add {{/name}} where it ends"
        }
    }

    /// A write that fails says the system's reason (a full disk was "cannot write" alone).
    @Test func aFailedWriteSaysWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-write-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("taken"), withIntermediateDirectories: true)
        #expect {
            try OutputFolder(root: folder).write("taken", Array("x".utf8))
        } throws: { error in
            "\(error)" == "cannot write \(folder.appendingPathComponent("taken").path): Is a directory"
        }
    }

    /// A true record of psychoeducation stays an error the help could not
    /// clear: it says that nothing is billed for it whatever the rule's
    /// severity, and how a practice makes it a warning. Made one, the
    /// session is still not billed.
    @Test func psychoeducationSaysItIsNeverBilled() throws {
        let practice = try fixture("psychoeducation-only/fail")
        defer { practice.delete() }
        let found = try #require(try practice.check().diagnostics.first { $0.rule == "psychoeducation-only" })
        #expect(found.help.contains("GroupChart bills nothing for it, whatever this rule's severity")
                    && found.help.hasSuffix("lower the rule in practice.yaml (rules: {psychoeducation-only: warning})"))
        try practice.write("practice.yaml", try practice.read("practice.yaml") + "rules:\n  psychoeducation-only: warning\n")
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        #expect(checked.report.diagnostics.map { "\($0.rule) \($0.severity)" } == ["psychoeducation-only warning"])
        #expect(try #require(checked.report.billing).claims.isEmpty)
    }

    /// A file whose name is not UTF-8 is listed with U+FFFD in its name; it
    /// "could not be read, check its permissions", which was not the cause.
    @Test func aNameThatIsNotUTF8SaysSo() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let folder = practice.root.appendingPathComponent("sessions/2026-03-05-skills").path
        let bytes = Array(folder.utf8) + Array("/notes".utf8) + [0xFF] + Array(".md".utf8) + [0]
        let descriptor = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT, 0o600) }
        }
        guard descriptor >= 0 else {
            // A file system that refuses names that are not UTF-8 (macOS's APFS) cannot hold one.
            #expect(errno == EILSEQ || errno == EINVAL, "cannot create the file: \(String(cString: strerror(errno)))")
            return
        }
        close(descriptor)
        let found = try practice.check().diagnostics.filter { $0.rule == "encoding" }
        #expect(found.map(\.message) == ["the file's name is not valid UTF-8 (the bytes shown as \u{FFFD}), so it is not read"])
        #expect(found.first?.location.file == "sessions/2026-03-05-skills/notes\u{FFFD}.md")
    }

    /// An unknown goal id is suggested only among the plan's goals this note
    /// has no item for: "did you mean G1?" beside an item for G1 made the
    /// second item's progress read as G1's.
    @Test func anUnknownGoalSuggestsOnlyGoalsNotYetNoted() throws {
        let practice = try fixture("unknown-goal/fail")
        defer { practice.delete() }
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        let all = try #require(try practice.check().diagnostics.first { $0.rule == "unknown-goal" })
        // The fixture's note is signed (by hand): the help says the plan may be what changed (a clinician's review).
        let signed = "; this note is signed: if the goals of members/doe-jane/plan-2026-01-29.md were changed after it was, restore "
            + "them there and write the changed goals in a new plan with its own effective date rather than editing the note"
        #expect(all.help == "the plan's goals (G1, G2) each have an item here already: remove this item, or add its goal to the "
                    + "member's plan (a new plan, with its own effective date)" + signed)
        let text = try practice.read(note)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("- G2:") }
        try practice.write(note, lines.joined(separator: "\n"))
        let open = try #require(try practice.check().diagnostics.first { $0.rule == "unknown-goal" })
        #expect(open.help == "did you mean \"G2\"? (in members/doe-jane/plan-2026-01-29.md)" + signed)
    }

    /// A heading written as one that Markdown does not read as one says
    /// what swallowed it: an HTML comment or a code block left open above
    /// it, or four spaces of indentation. It was "no Risk section" at 1:1.
    @Test func aSwallowedHeadingSaysWhatSwallowedIt() {
        let lines: [Substring] = ["## Goals", "<!-- a --> text <!-- b", "", "## Risk", "```", "## Plan", "    ## Plan"]
        #expect(MissingSectionRule.swallowed(lines, at: 3, hashes: "##", title: "Risk").hasPrefix("it is inside the HTML comment opened on line 2"))
        #expect(MissingSectionRule.swallowed(Array(lines[4...]), at: 1, hashes: "##", title: "Plan")
                    == "it is inside the code block opened with ``` on line 1: close that block")
        #expect(MissingSectionRule.swallowed(lines, at: 6, hashes: "##", title: "Plan").hasPrefix("indented four spaces or more"))
        #expect(MissingSectionRule.swallowed(["- G1: Met.", "  ## Risk"], at: 1, hashes: "##", title: "Risk").hasPrefix("indented, it is read as part of the list item"))
        let closed: [Substring] = ["<!-- a", "b -->", "## Risk"]
        #expect(MissingSectionRule.swallowed(closed, at: 2, hashes: "##", title: "Risk").hasPrefix("Markdown reads it as part of"))
    }

    /// Codes written as one text (`diagnoses: "F43.10, F32.1"`) are told to
    /// be a list, not checked against the tabular list as one code.
    @Test func diagnosesWrittenAsOneTextAreToldToBeAList() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let plan = "members/doe-jane/plan-2026-01-29.md"
        let text = try practice.read(plan)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("diagnoses:") })
        try practice.write(plan, text.replacingOccurrences(of: String(line), with: "diagnoses: \"F43.10, F32.1\""))
        let found = try #require(try practice.check().diagnostics.first { $0.rule == "invalid-icd10" })
        #expect(found.message == "\"F43.10, F32.1\" holds 2 codes in one value", "\(found.message)")
        #expect(found.help == "write them as a list, one code per item, primary first: diagnoses: [F43.10, F32.1]")
    }

    /// One session filed in two folders is said at both, holding both, and
    /// a folder named for another date than its note's is named: the copy
    /// in `sessions/2026-03-02-skills/` dated back to the 5th was billed
    /// (with modifier 59) when its folder sorted first, and the session
    /// itself held. Neither carries the same-day modifier.
    @Test func aSessionFiledTwiceHoldsBothAndNamesAMisdatedFolder() throws {
        let practice = try fixture("duplicate-id/fail-overlap")
        defer { practice.delete() }
        let copy = practice.root.appendingPathComponent("sessions/2026-03-02-skills")
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("sessions/2026-03-05-skills-pm"), to: copy)
        let report = try practice.check()
        let filed = report.diagnostics.filter { $0.rule == "duplicate-id" }
        #expect(filed.map { "\($0.location)" } == ["sessions/2026-03-02-skills/session.md:3:7", "sessions/2026-03-05-skills/session.md:3:7"])
        #expect(filed.first?.message == "session of \"skills\" on 2026-03-05 at 14:05-15:30, a folder named for 2026-03-02, is also filed in "
                    + "sessions/2026-03-05-skills (at 14:00-15:30)", "\(filed.first?.message ?? "")")
        #expect(!report.diagnostics.contains { $0.rule == "same-day-services" })
    }

    /// Two sessions of one day: the later by its start time repeats the
    /// earlier, whatever their folders' order. `2026-03-05-skills-pm/` sorts
    /// before `2026-03-05-skills/`, and the 14:00 note was said to repeat
    /// the one written at 18:00.
    @Test func ofTwoSessionsOfOneDayTheLaterRepeatsTheEarlier() throws {
        let practice = try fixture("duplicate-id/fail-overlap")
        defer { practice.delete() }
        let evening = "sessions/2026-03-05-skills-pm/session.md"
        try practice.write(evening, try practice.read(evening)
            .replacingOccurrences(of: "start: \"14:05\"\nend: \"15:30\"", with: "start: \"18:00\"\nend: \"19:30\"")
            .replacingOccurrences(of: "arrived: \"14:15\"", with: "arrived: \"18:10\""))
        let cloned = try practice.check().diagnostics.filter { $0.rule == "cloned-note" }
        #expect(!cloned.isEmpty)
        #expect(cloned.allSatisfy { $0.location.file.hasPrefix("sessions/2026-03-05-skills-pm/") }, "\(cloned.map(\.location.file))")
        #expect(cloned.allSatisfy { $0.related.first?.location.file.hasPrefix("sessions/2026-03-05-skills/") == true })
    }

    /// A misspelt key is taken for a billing key left out only when that is
    /// the nearest known key: `cofacilitator:` is `co_facilitator`
    /// misspelt (a warning), never "rename it facilitator", which would put
    /// the co-facilitator's NPI on every claim; `group_name:` is no
    /// group number. `fromat:` is `format` (an error holding the claims).
    @Test func onlyTheNearestKnownKeyMakesAMisspeltBillingKey() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let session = "sessions/2026-03-05-skills/session.md", profile = "members/doe-jane/profile.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "facilitator: torres\nco_facilitator: park",
                                                                                    with: "cofacilitator: park\nfromat: psychoeducation"))
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "  member_id: AET-0001",
                                                                                    with: "  member_id: AET-0001\n  group_name: Acme Shipping"))
        let found = try practice.check().diagnostics.filter { $0.rule == "unknown-key" || $0.rule == "missing-field" }
        #expect(found.map { "\($0.location.file):\($0.location.line) \($0.rule) \($0.help)" } == [
            "\(profile):10 unknown-key did you mean \"group_number\"?",
            "\(session):6 unknown-key did you mean \"co_facilitator\"?",
            "\(session):7 missing-field rename it \"format\"",
        ], "\(found.map(\.message))")
    }

    /// A sex the 837P cannot carry (X) is explained, never matched to the
    /// nearest letter ("did you mean F?" put a sex on the claim the card
    /// does not show).
    @Test func aSexTheClaimCannotCarryIsExplained() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = "members/doe-jane/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "sex: F", with: "sex: X"))
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule) \($0.message) | \($0.help)" } == [
            "\(profile):5:6 invalid-value \"sex\": \"X\" is not M, F or U, the values the 837P carries (DMG03) | "
                + "write the sex on the insurance card, M or F, or U (unknown) when the card shows another",
        ])
    }

    /// A fee written wrong, or the group fee left out, is one mistake said
    /// once where it stands (it was said a second time as "no fee for CPT
    /// 90853"), and still holds the claims of its code.
    @Test func aFeeWrittenWrongIsReportedOnce() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "\"90853\": 65.00", with: "\"90853\": 65.001"))
        let wrong = try practice.check().diagnostics
        #expect(wrong.map { "\($0.location) \($0.rule)" } == ["practice.yaml:13:12 invalid-value"])
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "  \"90853\": 65.001\n", with: "  \"90834\": 120.00\n"))
        let missing = try practice.check().diagnostics
        #expect(missing.map { "\($0.rule) \($0.message)" } == ["missing-field missing key \"fees.\\\"90853\\\"\""])
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        #expect(ClaimReadiness(record: checked.record, report: checked.report).decisions.allSatisfy { $0.heldBy == ["missing-field"] })
    }
}
