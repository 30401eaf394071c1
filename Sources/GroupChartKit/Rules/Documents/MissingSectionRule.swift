import Foundation

/// `missing-section`: a note without a section format.md requires.
struct MissingSectionRule: Rule {
    let id = "missing-section"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a required section is absent"
    let explanation = Explanation(
        checks: """
            The required sections of each note, found by heading name or alias (format.md, "Headings"): a \
            plan's Rationale; a session note's Summary, Interventions and Group process; a progress note's \
            Participation, Goals, Risk and Plan; an individual note's Interventions, Goals, Risk and Plan. \
            A line meant as the heading that Markdown does not read as one (`##Risk`, `## Risk` in a \
            list item or quotation, indented, or inside an HTML comment or code block left open above it), \
            or a heading that misspells the name, is pointed at, with why.
            """,
        why: """
            Payers ask each member's note to show individual participation, progress toward that member's \
            goals, a risk assessment and a plan; a group note must show the interventions and the group \
            process. A missing section is a missing element of medical necessity, and the claim is recouped.
            """,
        example: """
            ## Participation
            Ms. Reyes arrived 20 minutes late ...
            ## Plan
            Continue weekly group.
            """,
        fix: "Add the section with the heading the message names (an alias works too).")

    /// A line that was meant to head the section and is no Markdown heading:
    /// `##Risk` (no space after the #'s), or `## Risk` inside a list item or
    /// a quotation; else a heading one or two letters from its name or an
    /// alias (`## Particpation`), that names no other section of the note
    /// (`others`). Said there, with why, rather than "no section" at line 1,
    /// where its help added a second heading.
    static func nearMiss(_ name: SectionName, in file: SourceFile?, others: [SectionName] = [])
        -> (location: SourceLocation, problem: String, help: String)? {
        guard let file else { return nil }
        var misspelt: (location: SourceLocation, problem: String, help: String)?
        for (index, line) in file.lines.enumerated() {
            var rest = line.drop { $0 == " " }
            // A label written as text, as a word processor heads its
            // sections ("Participation:", "**Risk**"): four errors at line 1
            // said only to add the headings (a clinician's review).
            if !rest.hasPrefix("#"), !rest.hasPrefix("- "), !rest.hasPrefix("* "), let label = Self.label(rest), name.matches(label) {
                return (file.location(line: index + 1, column: line.count - rest.count + 1), "this line is no heading",
                        "a section starts with a heading: write \"## \(label)\" on a line of its own, with the section's text under it")
            }
            var nested = false
            while let first = rest.first, first == "-" || first == "*" || first == "+" || first == ">" {
                rest = rest.dropFirst().drop { $0 == " " }
                nested = true
            }
            guard rest.hasPrefix("#") else { continue }
            let hashes = rest.prefix { $0 == "#" }
            guard hashes.count <= 6 else { continue }
            let afterHashes = rest.dropFirst(hashes.count)
            let title = afterHashes.trimming(.whitespaces)
            let bare = String(title.reversed().drop { $0 == "#" || $0 == " " }.reversed())
            let spaced = afterHashes.first == " " || afterHashes.first == "\t"
            guard name.matches(bare) else {
                if misspelt == nil, !nested, spaced, let meant = Self.misspelling(of: name, in: bare), !others.contains(where: { $0.matches(bare) }) {
                    misspelt = (file.location(line: index + 1, column: line.count - line.drop { $0 == " " }.count + 1),
                                "the heading \"\(bare)\" is not one of its names",
                                "did you mean \"\(hashes) \(meant)\"? correct this heading rather than adding another")
                }
                continue
            }
            guard nested || !spaced else {
                // Written as a heading, and not read as one: something above swallowed it.
                return (file.location(line: index + 1, column: line.count - line.drop { $0 == " " }.count + 1),
                        "this heading is not read as one", Self.swallowed(Array(file.lines), at: index, hashes: String(hashes), title: bare))
            }
            let help = nested ? "a heading stands at the start of its line, outside any list or quotation: write \"\(hashes) \(bare)\" on a line of its own"
                : "put a space after the #'s: \"\(hashes) \(bare)\""
            return (file.location(line: index + 1), "this line is no heading", help)
        }
        return misspelt
    }

    /// The label a line starts with, written as text: "Participation:" or
    /// "Participation: what followed" (the words before the colon), or a
    /// line in bold or italics alone ("**Risk**", "__Plan:__"); `nil` for
    /// any other line.
    static func label(_ line: Substring) -> String? {
        var text = line.trimming(.whitespaces)[...]
        var emphasised = false
        while let first = text.first, first == "*" || first == "_" {
            text = text.dropFirst()
            emphasised = true
        }
        let label: Substring
        if let colon = text.firstIndex(of: ":") {
            label = text[..<colon]
        } else if emphasised {
            label = text
        } else {
            return nil
        }
        let bare = label.trimming(.whitespaces).reversed().drop { $0 == "*" || $0 == "_" }.reversed()
        let result = String(bare).trimming(.whitespaces)
        return result.isEmpty || result.count > 40 ? nil : result
    }

    /// Why the heading on line `index` (0-based) is no heading to Markdown:
    /// an HTML comment or a code fence opened above it and not closed, four
    /// spaces of indentation (code), or fewer (the list item above).
    static func swallowed(_ lines: [Substring], at index: Int, hashes: String, title: String) -> String {
        let indent = lines[index].prefix { $0 == " " }.count
        if indent >= 4 {
            return "indented four spaces or more, a line is read as code: start \"\(hashes) \(title)\" at the beginning of its line"
        }
        var comment: Int?
        var fence: Int?
        for (number, line) in lines[..<index].enumerated() {
            let trimmed = line.drop { $0 == " " }
            if comment == nil, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = fence == nil ? number : nil
                continue
            }
            guard fence == nil else { continue }
            var rest = line[...]
            while !rest.isEmpty {
                if comment == nil, let open = rest.range(of: "<!--") {
                    comment = number
                    rest = rest[open.upperBound...]
                } else if comment != nil, let close = rest.range(of: "-->") {
                    comment = nil
                    rest = rest[close.upperBound...]
                } else {
                    break
                }
            }
        }
        if let comment {
            return "it is inside the HTML comment opened on line \(comment + 1) and never closed: end that comment with --> "
                + "where it should end"
        }
        if let fence { return "it is inside the code block opened with ``` on line \(fence + 1): close that block" }
        if indent > 0 {
            return "indented, it is read as part of the list item above it: start \"\(hashes) \(title)\" at the beginning of its line"
        }
        return "Markdown reads it as part of what stands above it (an HTML block, say): leave a blank line before it"
    }

    /// The name or alias of `name` that `heading` misspells: one letter off
    /// (two in a name of eight letters or more), case aside.
    static func misspelling(of name: SectionName, in heading: String) -> String? {
        let folded = heading.lowercased()
        return ([name.canonical] + name.aliases).first { candidate in
            let distance = NearestName.distance(folded, candidate.lowercased())
            return distance > 0 && distance <= (candidate.count >= 8 ? 2 : 1)
        }
    }

    func check(_ context: RuleContext) -> [Finding] {
        context.analysis.eachDocumentAlone(id) { document in
            let required = SectionCatalogue.required(for: document.kind)
            return required.compactMap { name -> Finding? in
                guard SectionCatalogue.find(name, in: document.body) == nil else { return nil }
                if let nearMiss = Self.nearMiss(name, in: context.record.source(document.file), others: required.filter { $0 != name }) {
                    return Finding(nearMiss.location, "\(document.kind.rawValue) has no \"\(name.canonical)\" section: \(nearMiss.problem)",
                                   help: nearMiss.help)
                }
                let aliases = name.aliases.isEmpty ? "" : " (or \(name.aliases.map { "\"\($0)\"" }.joined(separator: ", ")))"
                return Finding(SourceLocation(file: document.file, line: 1),
                               "\(document.kind.rawValue) has no \"\(name.canonical)\" section",
                               help: "add a heading \"## \(name.canonical)\"\(aliases) and write it for this \(document.kind.rawValue)")
            }
        }
    }
}
