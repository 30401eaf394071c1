import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Front-matter composed from libyaml's events (`YAMLEvents`) is what
/// Yams' tree gives, node for node, whenever it is composed there at all;
/// everything else is declined and composed by Yams.
@Suite struct YAMLEventsTests {
    /// Every front-matter of the fixtures and the example, as written.
    static let frontMatters: [String] = {
        let roots = [FixturePractice.fixtures, FixturePractice.repository.appendingPathComponent("examples")]
        var found: [String] = []
        for root in roots {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" || $0.lastPathComponent == "practice.yaml" } ?? []
            for file in files.sorted(by: { $0.path < $1.path }) {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                if file.pathExtension == "yaml" {
                    found.append(text)
                } else if text.hasPrefix("---\n"), let end = text.range(of: "\n---", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
                    found.append(String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n")
                }
            }
        }
        return found
    }()

    static let written = [
        "", "\n", "# only a comment\n", "a: 1\n", "a:\n", "a: ~\n", "a: 'quoted'\nb: \"double \\u00e9 \\0 nul\"\n",
        "text: |\n  one\n  two\n", "text: >-\n  folded\n  lines\n\n  para\n", "list:\n  - a\n  - b: 1\n    c: [x, y]\n",
        "flow: {a: 1, b: [2, 3]}\n", "caf\u{e9}: \u{1F600} emoji\nnext: after\n", "key with spaces: value: with colon\n",
        "multi: line\n  plain\n  scalar\n", "- a\n- b\n", "just a scalar\n", "'quoted root'\n",
        "a: 1\na: 2\n", "a: 1\n'a': 2\n", "? [complex]\n: key\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "!!map\na: 1\n",
        "a: 1\n---\nb: 2\n", "---\na: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "a: [1, 2\n", "a: 'open\n", "\ta: tab\n",
        "a:\n  b:\n    c:\n      d: deep\n", "a: b: c\n", "- - - nested\n", "a: \"\\x80\"\n", "a: @reserved\n",
        // A byte-order mark that Foundation drops from the start of Yams' values, and not elsewhere.
        "a: \"\\uFEFFx\"\n", "a: \u{FEFF}x\n", "a: x\u{FEFF}y\n", "b: 1\n\"\\uFEFFb\": 2\n",
    ]

    @Test func eventsGiveYamsTreeWheneverTheyCompose() {
        let file = SourceFile(path: "members/x/profile.md", text: String(repeating: "line\n", count: 400))
        var composed = 0
        for yaml in Self.frontMatters + Self.written {
            if case .composed = compare(yaml, file) { composed += 1 }
        }
        // The fixtures' front-matter is plain: the events compose nearly all of it.
        #expect(composed >= Self.frontMatters.count, "\(composed) of \(Self.frontMatters.count + Self.written.count) composed")
    }

    /// Random edits of the fixtures' front-matter: characters YAML gives
    /// meaning to, put in, taken out or swapped at random places.
    @Test func randomEditsAreComposedAsYamsDoes() {
        let file = SourceFile(path: "sessions/s/m.md", text: String(repeating: "line\n", count: 400))
        let marks: [String] = [":", "-", " ", "  ", "\n", "\"", "'", "#", "&a ", "*a", "!!str ", "[", "]", "{", "}", ",", "|", ">",
                               "?", "\t", "\u{e9}", "---\n", "~", "%", "\u{FEFF}", "\\uFEFF"]
        var random = IncrementalEquivalenceTests.Random(state: 16)
        var composed = 0, declined = 0
        for round in 0..<3_000 {
            var text = Array(Self.frontMatters[round % Self.frontMatters.count])
            for _ in 0...(round % 3) {
                guard !text.isEmpty else { break }
                let at = Int(random.next() % UInt64(text.count))
                switch random.next() % 3 {
                case 0: text.insert(contentsOf: marks[Int(random.next() % UInt64(marks.count))], at: at)
                case 1: text.remove(at: at)
                default: text[at] = Array(marks[Int(random.next() % UInt64(marks.count))])[0]
                }
            }
            if case .composed = compare(String(text), file) { composed += 1 } else { declined += 1 }
        }
        #expect(composed > 1_000 && declined > 100, "both paths taken: \(composed) composed, \(declined) declined")
    }

    /// Composes `yaml` both ways and expects the same tree when the events compose it.
    @discardableResult
    private func compare(_ yaml: String, _ file: SourceFile) -> YAMLEvents.Outcome {
        let outcome = YAMLEvents.compose(yaml, in: file, firstLine: 2)
        guard case .composed(let root) = outcome else { return outcome }
        switch YAMLParser.composedByYams(yaml, in: file, firstLine: 2) {
        case .success(let yams):
            #expect(describe(root) == describe(yams), "\(yaml.debugDescription)")
        case .failure(let problem):
            Issue.record("Yams refused what the events composed: \(problem.message) in \(yaml.debugDescription)")
        }
        return outcome
    }

    /// The whole tree as text: every node's content, style and place.
    private func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let place = "@\(node.location.file):\(node.location.line):\(node.location.column)"
        switch node.content {
        case .scalar(let text, let isPlain): return "\(isPlain ? "plain" : "quoted")\(text.debugDescription)\(place)"
        case .mapping(let pairs): return "{\(pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", "))}\(place)"
        case .sequence(let items): return "[\(items.map(describe).joined(separator: ", "))]\(place)"
        }
    }
}
