import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The records of `groupchart build`: golden files of the example, and the
/// promises of outputs.md (deterministic, inert, whole or nothing, private).
@Suite struct RecordTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
    static let golden = FixturePractice.fixtures.appendingPathComponent("../Golden/dbt-skills").standardized

    private func build(_ root: URL, into output: URL) throws -> Builder.Result {
        try Builder.build(root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
    }

    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
    }

    /// Every record file of the example against its golden copy
    /// (`GROUPCHART_RECORD=1 swift test` re-records them).
    @Test func exampleRecordsMatchTheirGoldenFiles() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try build(Self.example, into: output)
        #expect(result.report.errorCount == 0)
        let records = result.written.filter { $0.hasSuffix(".html") || $0 == "attendance.csv" }
        #expect(records.contains("sessions/2026-03-12-dbt-skills.html") && records.contains("members/okonkwo-david.html"))
        for path in records {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            try Golden.compare(text, to: Self.golden.appendingPathComponent(path))
        }
        let goldens = FileManager.default.enumerator(atPath: Self.golden.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") || $0 == "attendance.csv" } ?? []
        #expect(Set(goldens) == Set(records), "golden files without a record (or records without a golden file)")
    }

    /// Individual notes' bodies are let go with the others, and a record
    /// letting go of what another holds too leaves the other's as they were.
    @Test func individualNotesBodiesAreLetGoToo() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("individual"))
        defer { practice.delete() }
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let notes = checked.record.members.flatMap(\.individualNotes)
        #expect(!notes.isEmpty && notes.allSatisfy { !$0.content.body.blocks.isEmpty })
        var lean = checked.record
        lean.letGoOfNoteBodies()
        #expect(lean.members.flatMap(\.individualNotes).allSatisfy { $0.content.body.blocks.isEmpty && $0.content.body.firstLine > 0 })
        #expect(checked.record.members.flatMap(\.individualNotes).map(\.content.body) == notes.map(\.content.body))
    }

    /// A build lets the notes' parsed bodies go once the rules have run:
    /// the records, the audit packet and the claims are what they are with them.
    @Test func recordsNeedNoNoteBodyOnceChecked() throws {
        let checked = try GroupChart.check(Self.example, options: Checker.Options(today: FixturePractice.today))
        var lean = checked.record
        lean.letGoOfNoteBodies()
        #expect(lean.members.flatMap(\.individualNotes).allSatisfy { $0.content.body.blocks.isEmpty })
        let notes = lean.sessions.flatMap(\.progressNotes)
        #expect(!notes.isEmpty && notes.allSatisfy { $0.content.body.blocks.isEmpty && $0.content.body.firstLine > 0 })
        #expect(lean.sessions.compactMap(\.note).allSatisfy { $0.body.blocks.isEmpty })
        #expect(zip(notes, checked.record.sessions.flatMap(\.progressNotes)).allSatisfy {
            $0.content.body.firstLine == $1.content.body.firstLine && $0.content.goalItems.count == $1.content.goalItems.count
        })
        func outputs(_ record: PracticeRecord) throws -> [String: [UInt8]] {
            let records = try RecordSet(checked: record, report: checked.report, practice: Self.example, today: FixturePractice.today)
            let sink = RecordsInMemory()
            try records.render(into: sink)
            var outputs = sink.outputs
            for member in record.members { outputs["audit/\(member.id)"] = try records.auditPacket(member, period: LocalDate(year: 2000, month: 1, day: 1)!...FixturePractice.today) }
            return outputs
        }
        let full = try outputs(checked.record)
        let packet = String(decoding: try #require(full["sessions/2026-03-12-dbt-skills.html"]), as: UTF8.self)
        #expect(packet.contains("was present for the full 90-minute session"), "the notes' text, read again, is in the packet")
        #expect(try outputs(lean) == full)
    }

    /// The dashboard counts the claims claims.csv and claims-held.csv hold.
    /// A self-pay member's sessions have no claim, ready or held (Marcus Bell
    /// in the example), and the member's chart says "Self-pay", not "Ready".
    @Test func theDashboardCountsTheClaimsTheFilesHold() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        // A signed note edited afterwards (`signature-mismatch`) holds its claim.
        for member in ["bell-marcus", "chen-lily"] {
            let path = "sessions/2026-03-12-dbt-skills/\(member).md"
            try practice.write(path, try practice.read(path) + "\nA line added after signing.\n")
        }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try build(practice.root, into: output)
        #expect(result.report.diagnostics.filter { $0.rule == "signature-mismatch" }.count == 2)
        func claimIDs(_ file: String) throws -> Set<Substring> {
            let lines = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            return Set(lines.map { $0.prefix { $0 != "," } })
        }
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        func stat(_ label: String) -> Int? {
            index.firstMatch(of: try! Regex("<b>([0-9]+)</b><span>\(label)</span>")).flatMap { Int($0.output[1].substring ?? "") }
        }
        let ready = try claimIDs("claims.csv"), held = try claimIDs("claims-held.csv")
        #expect(held.count == 1 && ready.count == 14)
        #expect(stat("Claims ready") == ready.count)
        #expect(stat("Claims held") == held.count)
        let chart = try String(contentsOf: output.appendingPathComponent("members/bell-marcus.html"), encoding: .utf8)
        #expect(chart.contains("<td>90853</td><td>Self-pay</td><td></td><td colspan=\"6\">self-pay: no insurance claim</td>"))
        #expect(!chart.contains("badge held"))
    }

    /// A member whose coverage is not on file (insurance: misspelt) has no
    /// claim to list in claims-held.csv, but is no self-pay member: the
    /// dashboard counts the sessions as held and the chart shows them held
    /// by the profile's error, never "Self-pay".
    @Test func aMemberWithoutCoverageOnFileIsHeldNotSelfPay() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        let profile = "members/chen-lily/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "\ninsurance:\n", with: "\ninsurence:\n"))
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try build(practice.root, into: output)
        #expect(result.report.diagnostics.contains { $0.rule == "missing-field" && $0.location.file == profile })
        let held = try String(contentsOf: output.appendingPathComponent("claims-held.csv"), encoding: .utf8)
        #expect(!held.contains("chen-lily"))
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<b>2</b><span>Claims held</span>"), "her two sessions")
        // Her chart has an error: build skips it, serve shows it.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("members/chen-lily.html").path))
        var compiler = PracticeCompiler(folder: try PracticeFolder(root: practice.root), options: Checker.Options(today: FixturePractice.today))
        let chart = String(decoding: try #require(compiler.rebuild(changed: []).page("members/chen-lily.html")), as: UTF8.self)
        #expect(chart.contains("<span class=\"badge held\">Held</span></td><td>missing-field"))
        #expect(chart.contains("no insurance on file: no claim until the profile&#39;s coverage is corrected"))
        #expect(!chart.contains("<td>Self-pay</td>") && !chart.contains("self-pay: no insurance claim"))
    }

    @Test func buildsAreByteIdentical() throws {
        let first = temporaryFolder(), second = temporaryFolder()
        defer { [first, second].forEach { try? FileManager.default.removeItem(at: $0) } }
        let written = try build(Self.example, into: first).written
        _ = try build(Self.example, into: second)
        for path in written {
            #expect(FileManager.default.contents(atPath: first.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: second.appendingPathComponent(path).path), "\(path)")
        }
    }

    /// A session folder named with `#`, `?` or `%` is linked percent-encoded,
    /// so the link opens its packet (written as is, the browser took
    /// "#2.html" for a fragment: a fault-injection review).
    @Test func theDashboardLinksASessionWhateverItsFoldersName() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let from = practice.root.appendingPathComponent("sessions/2026-03-05-skills")
        try FileManager.default.moveItem(at: from, to: practice.root.appendingPathComponent("sessions/2026-03-05-skills#2 ?%"))
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(practice.root, into: output)
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"sessions/2026-03-05-skills%232%20%3F%25.html\">"))
        let link = try #require(URL(string: "sessions/2026-03-05-skills%232%20%3F%25.html", relativeTo: output.appendingPathComponent("index.html")))
        #expect(FileManager.default.fileExists(atPath: link.path), "the link resolves to the packet: \(link.path)")
        #expect(index.contains("<a href=\"members/doe-jane.html\">"), "an id of plain characters is linked as it is")
    }

    /// The top-margin label is a CSS string inside a style element: each
    /// character HTML escaping would change, and a backslash, is a CSS
    /// escape, so that no name can close the string or the element, nor
    /// print as "&amp;"; a line break is a space.
    @Test func thePageLabelIsEscapedForCSS() {
        #expect(PageLabel.css("O'Brien & \"Jo\" <\\/style>\nX") == "O\\27 Brien \\26  \\22 Jo\\22  \\3C \\5C /style\\3E  X")
        #expect(PageLabel.member(name: "Zoë Ng", dob: "1990-01-02", memberID: nil) == "Zoë Ng · DOB 1990-01-02")
        #expect(HTMLEscaping.escape(PageLabel.css("<a href=\"x\">")) == PageLabel.css("<a href=\"x\">"), "HTML escaping leaves it as it is")
    }

    @Test func scriptsLinksAndFrontMatterValuesRenderInert() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let note = try practice.read("sessions/2026-03-05-skills/doe-jane.md")
            .replacingOccurrences(of: "in detail.", with: "in detail. <script>alert('x')</script> [call](javascript:alert(1)) <img src=x onerror=alert(1)>")
        try practice.write("sessions/2026-03-05-skills/doe-jane.md", note)
        let session = try practice.read("sessions/2026-03-05-skills/session.md")
            .replacingOccurrences(of: "topic: Paced breathing", with: "topic: \"<b onmouseover=alert(1)>Paced</b> & breathing\"")
        try practice.write("sessions/2026-03-05-skills/session.md", session)
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(practice.root, into: output)
        let html = try String(contentsOf: output.appendingPathComponent("sessions/2026-03-05-skills.html"), encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b onmouseover"))
        #expect(html.contains("&lt;b onmouseover=alert(1)&gt;Paced&lt;/b&gt; &amp; breathing"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func aSessionWithErrorsIsSkippedAndItsOldPacketRemoved() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let packet = output.appendingPathComponent("sessions/2026-03-05-skills.html")
        _ = try build(practice.root, into: output)
        #expect(FileManager.default.fileExists(atPath: packet.path))
        let broken = try practice.read("sessions/2026-03-05-skills/doe-jane.md").replacingOccurrences(of: "Risk level: low.", with: "")
        try practice.write("sessions/2026-03-05-skills/doe-jane.md", broken)
        let result = try build(practice.root, into: output)
        #expect(result.skippedSessions.map(\.id) == ["2026-03-05-skills"])
        #expect(result.skippedSessions.first?.rules == ["risk-level"])
        #expect(!FileManager.default.fileExists(atPath: packet.path), "a stale packet must not linger")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("skipped: errors"))
        let chart = try String(contentsOf: output.appendingPathComponent("members/doe-jane.html"), encoding: .utf8)
        #expect(chart.contains("Notes not shown because their session has errors") && chart.contains("<li>2026-03-05-skills</li>"))
    }

    @Test func outputsAreOwnerOnly() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(Self.example, into: output)
        for path in [".", "sessions", "index.html", "sessions/2026-03-12-dbt-skills.html", "attendance.csv"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            #expect(mode & 0o077 == 0, "\(path) is readable by others: \(String(mode, radix: 8))")
        }
    }

    @Test func anOutputThatCannotBeWrittenLeavesNothingBehind() throws {
        let output = temporaryFolder()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        // An earlier build's folder (it has a manifest) where a file now stands in the way.
        try Data().write(to: output.appendingPathComponent(".groupchart-manifest"))
        try Data("in the way".utf8).write(to: output.appendingPathComponent("sessions"))
        #expect(throws: Builder.Failure.self) { _ = try build(Self.example, into: output) }
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(left == [".groupchart-manifest", "sessions"], "no half-written outputs: \(left)")
    }

    @Test func aPracticeTemplateOverridesTheBuiltInOne() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("templates/index.mustache", "<!DOCTYPE html><title>{{practice.name}}</title><p>Our own index</p>\n")
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(practice.root, into: output)
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index == "<!DOCTYPE html><title>Fixture Counseling</title><p>Our own index</p>\n")
    }

    @Test func aBrokenTemplateIsPlacedInItsFile() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("templates/session.mustache", "<p>\n{{#notes}}\n<p>{{memberName}}</p>\n")
        #expect {
            _ = try build(practice.root, into: temporaryFolder())
        } throws: { error in
            "\(error)".hasPrefix("templates/session.mustache:") && "\(error)".contains("the template does not parse")
        }
    }

    @Test func embeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = FixturePractice.repository.appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(files.map { String($0.dropLast(".mustache".count)) }) == Set(BuiltInTemplates.all.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInTemplates.all[String(file.dropLast(".mustache".count))] == text,
                    "\(file) differs from BuiltInTemplates.swift: run scripts/embed-templates.py (make templates)")
        }
    }

    @Test func theAuditPacketShowsOtherMembersByInitialsOnly() throws {
        let output = temporaryFolder().appendingPathComponent("packet.html")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        _ = try Builder.auditPacket(Self.example, member: "okonkwo-david", from: nil, to: nil, output: output,
                                    options: Checker.Options(today: FixturePractice.today))
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.contains("David Okonkwo"))
        #expect(html.contains("AET-3310294875"))
        #expect(html.contains("M. R.") && html.contains("L. N."))
        for name in ["Maria", "Reyes", "Lily", "Chen", "Arjun", "Patel", "Chloé", "Nguyễn", "Marcus", "Sofia", "Alvarez"] {
            #expect(!html.contains(name), "the audit packet names \(name)")
        }
        #expect(html.contains("Period 2026-03-12 to 2026-03-19"))
        #expect(html.components(separatedBy: "class=\"member-note\"").count - 1 == 6, "two group notes, two progress notes, two individual notes")
        let order = ["Date of service 2026-03-12 · Progress note", "Date of service 2026-03-14 · Individual session",
                     "Radical Acceptance", "Date of service 2026-03-19 · Individual session"]
            .map { html.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "one timeline in date order")
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(CSVTable.field("plain") == "plain")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVTable.field("-5") == "'-5")
        #expect(CSVTable.field("@cmd,x") == "\"'@cmd,x\"")
        var table = CSVTable(columns: ["a", "b"])
        table.append(["1", "Nguyễn"])
        #expect(table.text == "a,b\r\n1,Nguyễn\r\n")
        #expect(table.bytes == Array("a,b\r\n1,Nguyễn\r\n".utf8))
    }

    /// The dashboard of a practice with more claims than `DashboardListing.rows`
    /// lists the most recent ones and says where every one is; the CSV
    /// files and the member charts stay complete.
    @Test func theDashboardListsTheMostRecentClaimsAndNamesTheFileWithEveryOne() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let session = try practice.read("sessions/2026-03-05-skills/session.md")
        let notes = try ["doe-jane", "roe-sam"].map { ($0, try practice.read("sessions/2026-03-05-skills/\($0).md")) }
        try practice.remove("sessions/2026-03-05-skills")
        let dates = (1...58).map { day in LocalDate(year: 2026, month: day <= 28 ? 2 : 3, day: day <= 28 ? day : day - 28)! }
        for date in dates {
            let folder = "sessions/\(date)-skills"
            try practice.write("\(folder)/session.md", session.replacingOccurrences(of: "2026-03-05", with: date.description))
            for (member, text) in notes {
                try practice.write("\(folder)/\(member).md", text.replacingOccurrences(of: "2026-03-05", with: date.description)
                    .replacingOccurrences(of: "this week", with: "since \(date)"))
            }
        }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(practice.root, into: output)
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let ledger = try #require(index.components(separatedBy: "<table class=\"ledger\">").dropFirst().first?
            .components(separatedBy: "</table>").first)
        #expect(ledger.components(separatedBy: "<tr><td class=\"date\">").count - 1 == DashboardListing.rows)
        #expect(ledger.contains(dates.last!.description) && !ledger.contains(dates.first!.description), "the most recent claims are listed")
        #expect(index.contains("<p class=\"more\">The 100 most recent of 116 claims; reimbursement.csv lists every one.</p>"))
        let csv = try String(contentsOf: output.appendingPathComponent("reimbursement.csv"), encoding: .utf8)
        #expect(csv.split(whereSeparator: \.isNewline).count == 117, "reimbursement.csv lists every claim")
    }
}
