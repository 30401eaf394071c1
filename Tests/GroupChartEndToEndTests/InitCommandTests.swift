import Foundation
import GroupChartTestSupport
import Testing

/// Issue 15, points 6 and 7: `init` prepares billing (a commented `edi:`
/// block, and `build` saying why no 837P was written), and installs the
/// git hook at the top of a repository bigger than the practice.
@Suite struct InitCommandTests {
    typealias Workflow = AuthoringWorkflowTests

    /// practice.yaml with the commented `edi:` block made live.
    static func uncommentingEDI(_ text: String) -> String {
        var inBlock = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line == "# edi:" { inBlock = true }
            if line.isEmpty { inBlock = false }
            return inBlock ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
    }

    @Test func initWritesACommentedEDIBlockAndBuildSaysWhyNo837() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try WhereYouStandTests.practice(in: top)
        let practice = try Workflow.read(root, "practice.yaml")
        for key in ["# edi:", "#   submitter_id: ", "#   receiver_id: ", "#   receiver_name: ", "#   usage: test"] {
            #expect(practice.contains("\n" + key), "no \(key)")
        }
        let folder = "sessions/\(WhereYouStandTests.yesterday)-coping-skills"
        #expect(try Binary.run(["new", "session", "--group", "coping-skills", "--date", WhereYouStandTests.yesterday], in: root).status == 0)
        try WhereYouStandTests.writeSession(root, folder: folder)
        #expect(try Binary.run(["sign", folder, "--by", "rivera"], in: root).status == 0)

        for _ in 0..<2 {  // the second build comes from the cache and says it again
            let build = try Binary.run(["build"], in: root)
            #expect(build.status == 0)
            #expect(build.standardError.components(separatedBy: "no claims.837 written: practice.yaml has no edi: block").count == 2,
                    "\(build.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("build/claims.837").path))
        #expect(try Workflow.read(root, "build/claims.csv").split(separator: "\r\n").count == 2)

        try Workflow.write(root, "practice.yaml", Self.uncommentingEDI(practice))
        let check = try Binary.run(["check"], in: root)
        #expect(check.standardOutput.hasSuffix("0 errors, 0 warnings in 9 files\n"), "\(check.standardOutput)")
        let build = try Binary.run(["build"], in: root)
        #expect(build.status == 0 && !build.standardError.contains("no claims.837 written"), "\(build.standardError)")
        #expect(build.standardError.contains("next batch: 1 original in build/claims.837"), "Jordan's claim; Riley pays for herself")
        #expect(try Workflow.read(root, "build/claims.837").hasPrefix("ISA*00*"))
    }

    /// A practice in a folder of a bigger repository: the hook goes to the
    /// repository's top, lets through commits that stage no practice, and
    /// checks the practice's folder, with paths typed from the top.
    @Test(.enabled(if: Git.isAvailable)) func theHookGoesToTheTopOfABiggerRepository() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let clinic = top.appendingPathComponent("clinic")
        try Workflow.write(clinic, "docs/handbook.txt", "Front desk hours.\n")
        #expect(try Git.run(["init", "-q"], in: clinic).status == 0)
        let created = try Binary.run(["init", "records", "--git-hook"], in: clinic)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardOutput.contains("\ninstalled .git/hooks/pre-commit: git runs groupchart check before each commit\n"))
        #expect(!FileManager.default.fileExists(atPath: clinic.appendingPathComponent("records/.git").path))
        #expect(FileManager.default.isExecutableFile(atPath: clinic.appendingPathComponent(".git/hooks/pre-commit").path))

        #expect(try Git.run(["add", "docs"], in: clinic).status == 0)
        let unrelated = try Git.run(["commit", "-q", "-m", "The handbook"], in: clinic)
        #expect(unrelated.status == 0, "\(unrelated.output)")
        #expect(try Git.run(["add", "records"], in: clinic).status == 0)
        let practice = try Git.run(["commit", "-q", "-m", "A new practice"], in: clinic)
        #expect(practice.status == 0 && practice.output.contains("0 errors, 0 warnings in 6 files"), "\(practice.output)")

        let records = clinic.appendingPathComponent("records")
        #expect(try Binary.run(["new", "session", "--group", "coping-skills", "--date", Workflow.today], in: records).status == 0)
        #expect(try Git.run(["add", "-A"], in: clinic).status == 0)
        let refused = try Git.run(["commit", "-q", "-m", "Unwritten notes"], in: clinic)
        #expect(refused.status != 0)
        #expect(refused.output.contains("[empty-section]") && refused.output.contains("pre-commit: commit refused"))
        #expect(refused.output.contains("sign it with groupchart sign records/sessions/\(Workflow.today)-coping-skills/session.md"))
    }
}
