import CSV
import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// A practice whose names, goals, reasons and notes carry HTML, `javascript:`
/// links, spreadsheet formulas, X12 separators, quotes, line breaks and
/// invisible characters: the HTML stays inert, no CSV cell starts a formula,
/// the 837 refuses rather than corrupts, and invisible characters in a name
/// are an `invalid-value`.
@Suite struct InjectionTests {
    static let profile = "members/doe-jane/profile.md"

    private func hostilePractice() throws -> FixturePractice {
        let practice = try FixturePractice()
        try practice.write(Self.profile, try practice.read(Self.profile)
            .replacingOccurrences(of: "first_name: Jane", with: "first_name: \"<img src=x onerror=alert(1)>\"")
            .replacingOccurrences(of: "last_name: Doe", with: "last_name: \"=cmd|' /C calc'!A0\""))
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "name: Fixture Counseling", with: "name: \"Fixture \\\"Counseling\\\", <b>LLC</b>\"\n  phone: \"510-555-0100\"")
            .replacingOccurrences(of: "torres: {name: Angela Torres", with: "torres: {name: \"@Angela, \\\"Ang\\\" Torres\"")
            .replacingOccurrences(of: "fees:", with: "edi: {submitter_id: SUB1, receiver_id: REC1, receiver_name: Clearing}\nrules: {group-size: {min: 1}}\nfees:"))
        let plan = "members/doe-jane/plan-2026-01-29.md"
        try practice.write(plan, try practice.read(plan)
            .replacingOccurrences(of: "G2: Use at least 3 distress tolerance skills during crises",
                                  with: "G2: \"<script>alert(1)</script> +1 [x](javascript:alert(1)) Use skills\""))
        let session = "sessions/2026-03-05-skills/session.md"
        try practice.write(session, try practice.read(session)
            .replacingOccurrences(of: "topic: Paced breathing", with: "topic: \"<iframe src=javascript:alert(1)>\"")
            .replacingOccurrences(of: "roe-sam: {status: late, arrived: \"14:15\"}",
                                  with: "roe-sam: {status: absent, reason: \"-1+1, \\\"sick\\\"\\nreally\"}"))
        try practice.remove("sessions/2026-03-05-skills/roe-sam.md")
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "in detail.", with: """
            in detail. <script>alert(1)</script> [call](javascript:alert(1)) <a href="javascript:alert(2)">x</a> \
            ![p](javascript:alert(3)) <javascript:alert(4)> [v](vbscript:msgbox) [d](data:text/html;base64,PHNjcmlwdD4=)
            """))
        return practice
    }

    private func build(_ practice: FixturePractice) throws -> (output: URL, result: Builder.Result) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-injection-\(UUID().uuidString)")
        return (output, try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output)))
    }

    /// Every tag of `html` that could run something: a script-like element,
    /// an event handler attribute, or a link or source with a script scheme.
    private func activeTags(in html: String) -> [String] {
        html.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/).compactMap { tag in
            let name = tag.1.lowercased(), attributes = tag.2.lowercased()
            let isActive = ["script", "iframe", "object", "embed"].contains(name)
                || attributes.contains(/\son[a-z]+\s*=/)
                || attributes.contains(/(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):/)
            return isActive ? String(tag.0) : nil
        }
    }

    private func cells(_ url: URL) throws -> [[String]] {
        let reader = try CSVReader(string: try String(contentsOf: url, encoding: .utf8), hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test func htmlStaysInert() throws {
        let practice = try hostilePractice()
        defer { practice.delete() }
        let (output, result) = try build(practice)
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.report.errorCount == 0, "\(result.report.diagnostics.map { "\($0.location) \($0.message)" })")
        for path in result.written where path.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(activeTags(in: html) == [], "\(path)")
            #expect(!html.contains("<b>LLC"))
        }
        let chart = try String(contentsOf: output.appendingPathComponent("members/doe-jane.html"), encoding: .utf8)
        #expect(chart.contains("&lt;img src=x onerror=alert(1)&gt;"), "the name is shown, escaped")
        #expect(chart.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the goal is shown, escaped")
    }

    @Test func noCSVCellStartsAFormula() throws {
        let practice = try hostilePractice()
        defer { practice.delete() }
        let (output, _) = try build(practice)
        defer { try? FileManager.default.removeItem(at: output) }
        for table in ["claims.csv", "claims-held.csv", "attendance.csv"] {
            for row in try cells(output.appendingPathComponent(table)) {
                for cell in row { #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "\(table): \(cell)") }
            }
        }
        let claims = try cells(output.appendingPathComponent("claims.csv"))
        let header = try #require(claims.first)
        let row = try #require(claims.dropFirst().first)
        let column = { (name: String) in row[header.firstIndex(of: name)!] }
        #expect(column("patient_last_name") == "'=cmd|' /C calc'!A0")
        #expect(column("rendering_name") == "'@Angela, \"Ang\" Torres", "quoted and read back whole")
        let absent = try #require(try cells(output.appendingPathComponent("attendance.csv")).first { $0.contains("roe-sam") })
        #expect(absent.last == "'-1+1, \"sick\"\nreally")
    }

    @Test func theInterchangeRefusesASeparatorRatherThanCorrupt() throws {
        let practice = try hostilePractice()
        defer { practice.delete() }
        try practice.write(Self.profile, try practice.read(Self.profile).replacingOccurrences(of: "member_id: AET-0001", with: "member_id: \"AET~ISA*00\""))
        let (output, result) = try build(practice)
        defer { try? FileManager.default.removeItem(at: output) }
        let invalid = result.report.diagnostics.filter { $0.rule == "invalid-value" }
        #expect(invalid.map { "\($0.location)" } == ["\(Self.profile):9:14"])
        let held = try cells(output.appendingPathComponent("claims-held.csv"))
        #expect(held.count == 2 && held[1].last == "invalid-value")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("claims.837").path), "no claim is ready, so no 837")
    }

    @Test(arguments: ["Ja\u{200B}ne", "Jane\u{202E}eoD", "Ja\u{2066}ne\u{2069}", "Ja\u{2060}ne", "Ja\u{00AD}ne", "Jane\u{0007}",
                      "Ja\u{034F}ne", "Jane\u{3164}", "\u{115F}Jane", "Ja\u{2800}ne", "Jane\u{FE0F}"])
    func invisibleCharactersInANameAreAnInvalidValue(name: String) throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let escaped = name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u\(String(format: "%04X", $0.value))" }.joined()
        try practice.write(Self.profile, try practice.read(Self.profile).replacingOccurrences(of: "first_name: Jane", with: "first_name: \"\(escaped)\""))
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.profile):2:13 invalid-value"])
        #expect(found.first?.message.hasPrefix("\"first_name\": the name holds the invisible character U+") == true)
    }

    @Test func aLineBreakInAClinicianNameIsAnInvalidValue() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "torres: {name: Angela Torres", with: "torres: {name: \"Angela\\nTorres\""))
        let found = try practice.check().diagnostics
        #expect(found.map(\.rule) == ["invalid-value"])
        #expect(found.first?.message == "\"clinicians.torres.name\": the name holds the invisible character U+000A (a line break)")
    }
}
