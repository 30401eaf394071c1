import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// The JSON Schemas of `schemas/` agree with what `check` reads: every key a
/// reader asks for is in the schema and nothing else is, every document
/// that checks clean validates, and the program carries the same schemas.
@Suite struct SchemaTests {
    static let folder = FixturePractice.repository.appendingPathComponent("schemas")

    /// `BundledSchemas.swift` is generated from `schemas/`;
    /// `GROUPCHART_RECORD=1 swift test` writes it again.
    @Test func theProgramCarriesTheRepositorysSchemas() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".schema.json") }.sorted()
        let files = try names.map { name in
            (name: name, text: try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8))
        }
        let bundled = SchemaCatalogue.files
        if Golden.isRecording, bundled.map(\.name) != names || bundled.map(\.text) != files.map(\.text) {
            let source = FixturePractice.repository.appendingPathComponent("Sources/GroupChartKit/Author/BundledSchemas.swift")
            try BundledSource.render(files).write(to: source, atomically: true, encoding: .utf8)
            return
        }
        #expect(bundled.map(\.name) == names, "run GROUPCHART_RECORD=1 swift test to bundle schemas/ again")
        for (file, copy) in zip(files, bundled) where file.text != copy.text {
            Issue.record("schemas/\(file.name) differs from the program's copy: run GROUPCHART_RECORD=1 swift test")
        }
    }

    /// Every document kind has a schema, and every schema a kind.
    @Test func everyDocumentKindHasItsSchema() throws {
        let kinds: [DocumentKind] = [.practice, .group(id: "g"), .profile(member: "m"), .plan(member: "m"),
                                     .sessionNote(session: "s"), .progressNote(session: "s", member: "m"), .individualNote(member: "m")]
        let named = Set(kinds.compactMap(SchemaCatalogue.fileName))
        #expect(named.count == kinds.count)
        #expect(named == Set(SchemaCatalogue.files.map(\.name)))
    }

    /// A document using every key of a schema (and one key no schema has)
    /// is read without `invalid-value`, and `unknown-key` names exactly the
    /// stranger: its help lists the keys the reader asks for at that place,
    /// which must be the schema's keys there.
    @Test(arguments: SchemaSample.placements)
    func schemaKeysAreTheKeysTheReaderAsksFor(schema name: String, path: String) throws {
        let schema = try SchemaSample.load(name)
        var expected: [String: Set<String>] = [:]
        let value = SchemaSample(schema: schema).value(for: schema, at: "", keys: &expected)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write(path, path.hasSuffix(".yaml") ? json + "\n" : "---\n\(json)\n---\n## Notes\nText.\n")
        let diagnostics = try practice.check().diagnostics.filter { $0.location.file == path }
        #expect(diagnostics.filter { $0.rule == "invalid-value" }.map(\.message) == [], "the schema's examples must be valid")
        var asked: [String: Set<String>] = [:]
        for diagnostic in diagnostics where diagnostic.rule == "unknown-key" {
            let key = try #require(diagnostic.message.split(separator: "\"").dropFirst().first.map(String.init))
            #expect(key.hasSuffix(SchemaSample.stranger), "an unknown key the schema defines: \(key)")
            let place = String(key.dropLast(SchemaSample.stranger.count).dropLast())
            let listed = diagnostic.help.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            asked[place] = Set(listed)
        }
        for place in Set(asked.keys).union(expected.keys).sorted() where asked[place] != expected[place] {
            let reader = asked[place] ?? [], listed = expected[place] ?? []
            Issue.record("""
                at "\(place)" of \(path): the reader asks for \(reader.subtracting(listed).sorted()) that schemas/\(name) \
                lacks, and the schema has \(listed.subtracting(reader).sorted()) that the reader does not ask for
                """)
        }
    }

    /// `rules:` of practice.yaml names every rule, with its parameters.
    @Test func ruleSettingsNameEveryRuleAndParameter() throws {
        let schema = try SchemaSample.load("practice.schema.json")
        let rules = try #require(((schema["properties"] as? [String: Any])?["rules"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(rules.keys) == Set(RuleRegistry.all.map(\.id)), "schemas/practice.schema.json rules: must list the registry's rules")
        for rule in RuleRegistry.all where !rule.parameters.isEmpty {
            let alternatives = try #require((rules[rule.id] as? [String: Any])?["anyOf"] as? [[String: Any]])
            let parameters = alternatives.compactMap { $0["properties"] as? [String: Any] }.first?.keys
            #expect(Set(parameters ?? [:].keys) == Set(rule.parameters.map(\.name) + ["severity"]), "parameters of \(rule.id)")
        }
    }

    /// The schemas repeat small definitions (a date, an id); a repeated
    /// definition must be the same everywhere.
    @Test func sharedDefinitionsAgree() throws {
        var seen: [String: (file: String, text: String)] = [:]
        for file in SchemaCatalogue.files {
            let schema = try SchemaSample.load(file.name)
            for (name, definition) in schema["definitions"] as? [String: Any] ?? [:] {
                let text = String(decoding: try JSONSerialization.data(withJSONObject: definition, options: [.sortedKeys]), as: UTF8.self)
                if let earlier = seen[name] {
                    if earlier.text != text { Issue.record("definition \"\(name)\" differs between \(earlier.file) and \(file.name)") }
                } else {
                    seen[name] = (file.name, text)
                }
            }
        }
    }

    /// Every document of the example, of the base fixture, of each rule's
    /// passing fixtures and of a new practice validates against its schema
    /// (python3 with jsonschema and PyYAML; skipped without them).
    @Test(.enabled(if: SchemaValidator.isAvailable)) func documentsThatCheckCleanValidate() throws {
        var practices = [try FixturePractice()]
        for fixture in RuleFixtureTests.cases("pass") {
            practices.append(try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/\(fixture)")))
        }
        let fresh = try FixturePractice(base: nil)
        _ = try StarterPractice.create(at: fresh.root, today: FixturePractice.today, gitHook: false)
        practices.append(fresh)
        defer { practices.forEach { $0.delete() } }
        let roots = [FixturePractice.repository.appendingPathComponent("examples/dbt-skills")] + practices.map(\.root)
        let result = try SchemaValidator.validate(roots.flatMap(SchemaValidator.documents))
        #expect(result.status == 0, "\(result.output)")
    }
}
