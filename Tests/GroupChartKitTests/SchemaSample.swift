import Foundation
import GroupChartKit
import GroupChartTestSupport

/// Builds a front-matter value that uses every key a schema defines, from
/// the first of each key's `examples` (or its first `enum` value), adding
/// to every mapping of fixed keys one key no schema has (`stranger`).
///
/// Alternatives (`anyOf`) are taken by their mapping when they have one, so
/// that `insurance`, `subscriber` and an attendance entry are written out in
/// full. practice.yaml `rules:` is left out (its settings would turn rules
/// off): `ruleSettingsNameEveryRuleAndParameter` covers it.
struct SchemaSample {
    static let stranger = "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"

    /// Each schema and the base fixture's path where a document of it stands.
    static let placements: [(String, String)] = [
        ("practice.schema.json", "practice.yaml"),
        ("group.schema.json", "groups/skills.md"),
        ("profile.schema.json", "members/doe-jane/profile.md"),
        ("plan.schema.json", "members/doe-jane/plan-2026-01-29.md"),
        ("session-note.schema.json", "sessions/2026-03-05-skills/session.md"),
        ("progress-note.schema.json", "sessions/2026-03-05-skills/doe-jane.md"),
        ("individual-note.schema.json", "members/doe-jane/individual/2026-03-10.md"),
    ]

    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: FixturePractice.repository.appendingPathComponent("schemas/\(name)"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    let schema: [String: Any]

    /// A value for `node` at dotted `path`; records in `keys` the keys each
    /// mapping of fixed keys defines, by its path.
    func value(for node: [String: Any], at path: String, keys: inout [String: Set<String>]) -> Any {
        let node = resolved(node)
        if let properties = node["properties"] as? [String: [String: Any]] {
            keys[path] = Set(properties.keys)
            var mapping: [String: Any] = [Self.stranger: "x"]
            for (key, property) in properties where !(path.isEmpty && key == "rules") {
                mapping[key] = value(for: property, at: path.isEmpty ? key : "\(path).\(key)", keys: &keys)
            }
            return mapping
        }
        if let entry = node["additionalProperties"] as? [String: Any], let names = node["propertyNames"] as? [String: Any],
           let key = (resolved(names)["examples"] as? [Any])?.first as? String {
            return [key: value(for: entry, at: "\(path).\(key)", keys: &keys)]
        }
        if let alternatives = node["anyOf"] as? [[String: Any]] {
            if let mapping = alternatives.first(where: { resolved($0)["properties"] != nil }) {
                return value(for: mapping, at: path, keys: &keys)
            }
        }
        if let example = (node["examples"] as? [Any])?.first { return example }
        if let choice = (node["enum"] as? [Any])?.first { return choice }
        if let items = node["items"] as? [String: Any] { return [value(for: items, at: path, keys: &keys)] }
        if let alternatives = node["anyOf"] as? [[String: Any]], let first = alternatives.first {
            return value(for: first, at: path, keys: &keys)
        }
        return "no example at \(path)"
    }

    /// `node` with a `$ref`, or an `allOf` of one `$ref` (a reference with a
    /// description), replaced by its definition; the node's own `examples`
    /// stay in front.
    private func resolved(_ node: [String: Any]) -> [String: Any] {
        var target: String?
        if let reference = node["$ref"] as? String { target = reference }
        if let all = node["allOf"] as? [[String: Any]], all.count == 1, let reference = all[0]["$ref"] as? String { target = reference }
        guard let target, let name = target.split(separator: "/").last,
              let definition = (schema["definitions"] as? [String: Any])?[String(name)] as? [String: Any] else { return node }
        var merged = resolved(definition)
        if let examples = node["examples"] { merged["examples"] = examples }
        return merged
    }
}

/// Runs scripts/validate-schemas.py over documents and their schemas.
enum SchemaValidator {
    static let isAvailable: Bool = {
        (try? run(["-c", "import jsonschema, yaml"], input: ""))?.status == 0
    }()

    /// Every document of the practice at `root`, with its schema's path.
    static func documents(in root: URL) -> [(document: URL, schema: URL)] {
        guard let folder = try? PracticeFolder(root: root) else { return [] }
        return folder.discover().compactMap { file in
            SchemaCatalogue.fileName(for: file.kind).map {
                (root.appendingPathComponent(file.path), FixturePractice.repository.appendingPathComponent("schemas/\($0)"))
            }
        }
    }

    static func validate(_ documents: [(document: URL, schema: URL)]) throws -> (status: Int32, output: String) {
        let script = FixturePractice.repository.appendingPathComponent("scripts/validate-schemas.py").path
        return try run([script], input: documents.map { "\($0.document.path)\t\($0.schema.path)\n" }.joined())
    }

    private static func run(_ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        try ExternalTool.run(ExternalTool.env, ["python3"] + arguments, input: input)
    }
}

/// The text of `BundledSchemas.swift` for the schema files given.
enum BundledSource {
    static func render(_ files: [(name: String, text: String)]) -> String {
        var lines = [
            "// Generated from schemas/*.json by SchemaTests (GROUPCHART_RECORD=1 swift test); do not edit.",
            "",
            "/// The JSON Schemas of the repository's `schemas/` folder, carried inside the",
            "/// program so that `groupchart init` can copy them into a practice.",
            "enum BundledSchemas {",
            "    static let files: [(name: String, text: String)] = [",
        ]
        for file in files {
            lines.append("        (\"\(file.name)\", ##\"\"\"")
            lines.append(file.text)
            lines.append("\"\"\"##),")
        }
        lines += ["    ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }
}
