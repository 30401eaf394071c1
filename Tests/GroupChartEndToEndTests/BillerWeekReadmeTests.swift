import Foundation
import GroupChartTestSupport
import Testing

/// The README's "A biller's week" works as written: each `groupchart`
/// command of its walk-through runs on a copy of the example (dated as the
/// README says, a week of April 2026), and every output line it shows is
/// printed; `cat` shows the file as it shows it.
@Suite struct BillerWeekReadmeTests {
    struct Step {
        var command: String
        var output: [String]
    }

    static func steps() throws -> [Step] {
        let readme = try String(contentsOf: FixturePractice.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- biller-week:begin -->"))
        let end = try #require(readme.range(of: "<!-- biller-week:end -->"))
        var steps: [Step] = []
        for line in readme[begin.upperBound..<end.lowerBound].split(separator: "\n").map(String.init) {
            if line.hasPrefix("$ ") {
                steps.append(Step(command: String(line.dropFirst(2)), output: []))
            } else if !line.hasPrefix("```"), line != "...", !steps.isEmpty {
                steps[steps.count - 1].output.append(line)
            }
        }
        return steps
    }

    @Test func theWalkThroughWorksAsWritten() throws {
        let steps = try Self.steps()
        #expect(steps.map { $0.command.split(separator: " ").prefix(2).joined(separator: " ") } == [
            "cp -R", "groupchart build", "cat build/batch.csv", "groupchart submit", "groupchart submit", "groupchart build",
        ])
        let practice = try FixturePractice(base: CheckCommandTests.example)
        defer { practice.delete() }
        for step in steps.dropFirst() {
            let words = step.command.split(separator: " ").map(String.init)
            var shown: String
            if words.first == "cat" {
                shown = try practice.read(words[1]).replacingOccurrences(of: "\r\n", with: "\n")
            } else {
                // Dated as the README says: a submission then is one recorded late (--backdate).
                let late = words[1] == "submit" ? ["--backdate"] : []
                let result = try Binary.run(Array(words.dropFirst()) + ["--today", "2026-04-01"] + late, in: practice.root)
                #expect(result.status != 2, "\(step.command): \(result.standardError)")
                shown = result.standardOutput + result.standardError
            }
            for line in step.output {
                #expect(shown.contains(line), "\(step.command) does not print: \(line)\n\(shown)")
            }
        }
    }
}
