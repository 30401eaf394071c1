import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// `TemplateRenderer` renders what swift-mustache renders, byte for byte:
/// on random templates and views, on the built-in templates, and on every
/// record of the example practice.
@Suite struct TemplateRendererTests {
    /// A view whose fields are given as they are, found by reflection as a struct's stored properties are.
    struct Bag: CustomReflectable {
        var templateFields: [String: Any]
        var customMirror: Mirror {
            Mirror(self, children: templateFields.sorted { $0.key < $1.key }.map { (label: $0.key, value: $0.value) }, displayStyle: .struct)
        }
    }

    /// The random-edit tests' generator, replayable from its seed.
    typealias Random = IncrementalEquivalenceTests.Random

    static let fieldNames = ["a", "b", "list", "flag", "none", "view"]
    static let lookups = ["a", "b", "list", "flag", "none", "view", "view.a", "view.list", "view.view.b", ".a", ".", "missing",
                          "a.b", "view.missing", ".view.a", "a..b", ".a.", "view.k"]

    /// A random view: strings that need escaping and some that do not,
    /// numbers, Booleans, nil optionals, lists (empty ones too) and views.
    static func value(_ random: inout Random, depth: Int) -> Any {
        switch random.below(depth > 2 ? 8 : 12) {
        case 0: return random.one(of: ["", "x", "<b>&\"'</b>", "café <é>", "a\nb", "  ", "{{a}}", "\u{301}<"])
        case 1: return random.one(of: [0, 7, -3])
        case 2: return random.one(of: [1.5, 2.0])
        case 3: return random.chance(50)
        case 4: return random.one(of: [String?.none as Any, Int?.none as Any, SourceView?.none as Any])
        case 5: return random.one(of: [String?.some("some") as Any, Int?.some(3) as Any, Bool?.some(false) as Any])
        case 6: return ["k": "v<", "a": "w"] as [String: String]
        case 7: return random.one(of: [SourceView(path: "p<q", sha256: "s") as Any,
                                    [HistoryRowView(date: "d", event: "e&", file: "f"), HistoryRowView(date: "D", event: "E", file: "F")]])
        case 8, 9: return (0..<random.one(of: [0, 1, 2, 3])).map { _ in value(&random, depth: depth + 1) }
        default: return bag(&random, depth: depth + 1)
        }
    }

    static func bag(_ random: inout Random, depth: Int) -> Bag {
        var fields: [String: Any] = [:]
        for name in fieldNames where random.chance(70) {
            fields[name] = value(&random, depth: depth)
        }
        return Bag(templateFields: fields)
    }

    /// A random template of the subset, with standalone tags, indented
    /// partials, CRLF and lone CR line ends, and braces in the text.
    static func template(_ random: inout Random, index: Int, count: Int, depth: Int = 0) -> String {
        var text = ""
        for _ in 0..<(1 + random.below(6)) {
            switch random.below(depth > 2 ? 8 : 11) {
            case 0: text += random.one(of: ["a", "b c", "<p>", "x{y", "}", "}}", "é", "\r", "&amp;", "\u{85}", "\u{2028}", "\u{0B}", "{{\n"])
            case 1: text += random.one(of: ["\n", "\r\n", "\n\n"])
            case 2: text += random.one(of: ["  ", "\t", " \t "])
            case 3, 4:
                let name = random.one(of: lookups)
                text += random.one(of: ["{{\(name)}}", "{{ \(name) }}", "{{{\(name)}}}", "{{& \(name)}}"])
            case 5: text += random.one(of: ["{{! a comment }}", "{{!}}\n", "  {{! standalone }}\n"])
            case 6:
                let later = index + 1 < count ? "r\(index + 1 + random.below(count - index - 1))" : "nope"
                let name = random.one(of: [later, later, "nope"])
                text += random.one(of: ["{{> \(name)}}", "\n  {{> \(name)}}\n", "\t{{>\(name)}}\r\n"])
            case 7: text += "\n"
            default:
                let name = random.one(of: lookups)
                let kind = random.one(of: ["#", "^"])
                let open = random.chance(50) ? "{{\(kind)\(name)}}" : "\n  {{\(kind)\(name)}}\n"
                let close = random.chance(50) ? "{{/\(name)}}" : "  {{/ \(name) }}\n"
                text += open + template(&random, index: index, count: count, depth: depth + 1) + close
            }
        }
        return text
    }

    @Test(arguments: 0..<12)
    func randomTemplatesRenderAsSwiftMustacheRendersThem(seed: UInt64) throws {
        var random = Random(state: seed)
        let count = 12
        let templates = (0..<count).map { ("r\($0)", Self.template(&random, index: $0, count: count)) }
        let library = try TemplateLibrary(practiceTemplates: templates)
        var compiled = 0
        for (name, text) in templates {
            #expect(CompiledTemplate(text) != nil, "every template of the subset compiles: \(text.debugDescription)")
            for _ in 0..<8 {
                let view = Self.bag(&random, depth: 0)
                let expected = library.renderWithMustache(view, with: name)
                if let bytes = library.renderCompiled(view, with: name) {
                    compiled += 1
                    #expect(String(decoding: bytes, as: UTF8.self) == expected, "template \(name): \(text.debugDescription)")
                    #expect(library.render(view, with: name) == expected)
                } else {
                    // swift-mustache shows a view as a dictionary, in an order of its own each time: the same bytes, in some order.
                    #expect(library.render(view, with: name).utf8.sorted() == expected.utf8.sorted())
                }
            }
        }
        // Only a page that shows a list or a view as text goes to swift-mustache.
        #expect(compiled > count * 8 / 2, "\(compiled) of \(count * 8) pages rendered without swift-mustache")
    }

    @Test func everyBuiltInTemplateIsCompiled() {
        for (name, text) in BuiltInTemplates.all {
            #expect(CompiledTemplate(text) != nil, "\(name)")
        }
    }

    @Test func aStandalonePartialIsIndentedLineByLine() throws {
        let library = try TemplateLibrary(practiceTemplates: [("page", "<ul>\n  {{> item}}\n</ul>\n"), ("item", "<li>{{a}}</li>\n<li>{{b}}</li>\n")])
        let view = Bag(templateFields: ["a": "1 < 2", "b": "x"])
        let expected = "<ul>\n  <li>1 &lt; 2</li>\n  <li>x</li>\n</ul>\n"
        #expect(library.renderWithMustache(view, with: "page") == expected)
        #expect(library.renderCompiled(view, with: "page").map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    @Test func aTemplateBeyondTheSubsetIsRenderedBySwiftMustache() throws {
        let text = "{{uppercased(a)}} and {{b}}"
        #expect(CompiledTemplate(text) == nil)
        let library = try TemplateLibrary(practiceTemplates: [("page", text), ("outer", "[{{> page}}]")])
        let view = Bag(templateFields: ["a": "<a>", "b": "B"])
        #expect(library.renderCompiled(view, with: "page") == nil)
        #expect(library.renderCompiled(view, with: "outer") == nil, "a page that includes it is not compiled either")
        #expect(library.render(view, with: "outer") == "[&lt;A&gt; and B]")
    }

    /// swift-mustache unwraps one optional before printing: a double one
    /// prints as `Optional("x")`, which only it knows how to print.
    @Test func aDoubleOptionalIsRenderedBySwiftMustache() throws {
        let library = try TemplateLibrary(practiceTemplates: [("page", "{{a}}|{{b}}")])
        let view = Bag(templateFields: ["a": String??.some(.some("x")) as Any, "b": String?.some("y") as Any])
        #expect(library.renderCompiled(view, with: "page") == nil)
        #expect(library.render(view, with: "page") == library.renderWithMustache(view, with: "page"))
        #expect(library.renderCompiled(Bag(templateFields: ["a": "x", "b": String?.some("y") as Any]), with: "page") == Array("x|y".utf8))
    }

    @Test func aListShownAsTextIsRenderedBySwiftMustache() throws {
        let library = try TemplateLibrary(practiceTemplates: [("page", "{{list}}")])
        let view = Bag(templateFields: ["list": ["x", "y"]])
        #expect(library.renderCompiled(view, with: "page") == nil)
        #expect(library.render(view, with: "page") == library.renderWithMustache(view, with: "page"))
    }

    /// A whole view shown as text, or enumerated, comes out in the order of
    /// its names: swift-mustache's text of a dictionary followed its
    /// hashing, seeded anew in each process, so two builds differed.
    @Test func aWholeViewShownAsTextIsInTheOrderOfItsNames() throws {
        let library = try TemplateLibrary(practiceTemplates: [
            ("page", "{{view}}|{{#enumerated(view)}}{{key}};{{/enumerated(view)}}|{{count(view)}}"),
            ("list", "{{list}}"),
        ])
        let inner = Bag(templateFields: ["z": "1", "m": 2, "a": true])
        let view = Bag(templateFields: ["view": Bag(templateFields: ["b": "x<", "a": 1, "c": inner, "d": ["k": "v", "j": "w"] as [String: String]])])
        let expected = #"[&quot;a&quot;: 1, &quot;b&quot;: &quot;x&lt;&quot;, &quot;c&quot;: [&quot;a&quot;: true, &quot;m&quot;: 2, &quot;z&quot;: &quot;1&quot;], "#
            + #"&quot;d&quot;: [&quot;j&quot;: &quot;w&quot;, &quot;k&quot;: &quot;v&quot;]]|a;b;c;d;|4"#
        #expect(library.render(view, with: "page") == expected)
        let listed = Bag(templateFields: ["list": [Bag(templateFields: ["y": "2", "x": "1"]), Bag(templateFields: [:])]])
        #expect(library.render(listed, with: "list") == #"[[&quot;x&quot;: &quot;1&quot;, &quot;y&quot;: &quot;2&quot;], [:]]"#)
    }

    /// Every record of the example, rendered only by `TemplateRenderer`
    /// (a page it could not render would be empty), is what swift-mustache renders.
    @Test func theExamplesRecordsAreRenderedWithoutSwiftMustache() throws {
        let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
        let checked = try GroupChart.check(example, options: Checker.Options(today: FixturePractice.today))
        let billing = checked.report.billing ?? Billing(record: checked.record, report: checked.report)
        let reimbursement = ReimbursementLedger(billing: billing, record: checked.record, today: FixturePractice.today)
        let library = try TemplateLibrary(practice: example)
        func outputs(_ engine: TemplateLibrary.Engine) throws -> [String: [UInt8]] {
            let records = RecordSet(record: checked.record, report: checked.report, billing: billing, reimbursement: reimbursement,
                                    templates: library.rendering(with: engine), today: FixturePractice.today)
            let sink = RecordsInMemory()
            try records.render(into: sink)
            var outputs = sink.outputs
            for member in checked.record.members {
                outputs["audit/\(member.id)"] = try records.auditPacket(member, period: LocalDate(year: 2000, month: 1, day: 1)!...FixturePractice.today)
            }
            return outputs
        }
        let compiled = try outputs(.compiledOnly)
        let mustache = try outputs(.mustacheOnly)
        #expect(compiled.count > 10 && compiled.values.allSatisfy { !$0.isEmpty })
        for (path, bytes) in mustache {
            #expect(compiled[path] == bytes, "\(path)")
        }
    }
}

extension IncrementalEquivalenceTests.Random {
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }
    mutating func one<T>(of items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
