@testable import GroupChartKit
import Testing

/// How a record's key finds the files it reads among every path of the practice.
@Suite struct OutputKeysTests {
    /// Paths in path order, with folders whose names start alike
    /// (`a`, `a-b`, `a.b`, `ab`), files beside the folders, nested files and
    /// names beyond ASCII.
    static func paths(_ generator: inout IncrementalEquivalenceTests.Random) -> [String] {
        let ids = ["a", "a-b", "a.b", "ab", "b", "é", "e\u{301}", "z"]
        var paths: [String] = ["practice.yaml", "groups/g.md", "remittances/r.835", "submissions/s.837", "acknowledgments/x.999"]
        for root in ["sessions", "members"] {
            for id in ids where generator.next() % 3 != 0 {
                paths.append("\(root)/\(id).md")
                for name in ["session.md", "m1.md", "sub/m2.md", "z.md"] where generator.next() % 2 == 0 {
                    paths.append("\(root)/\(id)/\(name)")
                }
            }
        }
        return paths.sorted { $0.precedesInBytes($1) }
    }

    @Test func aPrefixFindsTheRunOfPathsAFilterWould() {
        var generator = IncrementalEquivalenceTests.Random(state: 7)
        for _ in 0..<200 {
            let paths = Self.paths(&generator)
            for prefix in ["sessions/a/", "sessions/a-b/", "sessions/é/", "sessions/e\u{301}/", "members/z/", "submissions/",
                           "remittances/", "acknowledgments/", "sessions/", "nothing/", ""] {
                #expect(Array(OutputKeys.paths(paths, startingWith: prefix)) == paths.filter { $0.utf8.starts(with: prefix.utf8) },
                        "\(prefix)")
            }
        }
    }

    /// As the scan of every path found them, ASCII or not: canonically
    /// equivalent names (a composed and a decomposed "é") are one folder,
    /// as they are one member in the record.
    @Test(arguments: [false, true])
    func eachFolderHasTheFilesItHoldsWithADigest(asciiOnly: Bool) {
        var generator = IncrementalEquivalenceTests.Random(state: 11)
        for _ in 0..<200 {
            let paths = Self.paths(&generator).filter { !asciiOnly || $0.utf8.allSatisfy { $0 < 0x80 } }
            var digests: [String: String] = [:]
            for path in paths where generator.next() % 5 != 0 { digests[path] = "sha256:\(path.utf8.count)" }
            let folders: Set<Substring> = ["sessions/a", "sessions/ab", "sessions/a-b", "members/é", "sessions/none"]
            let grouped = OutputKeys.grouped(paths, digests, in: folders)
            for folder in folders {
                // In path order, a folder's runs one after the other (two for "é").
                let expected = paths.filter { PracticeRecord.recordFolder(containing: $0) == folder && digests[$0] != nil }
                #expect(grouped[folder]?.map(\.path) ?? [] == expected, "\(folder)")
                #expect(grouped[folder]?.map(\.digest) ?? [] == expected.map { digests[$0]! })
            }
            #expect(Set(grouped.keys).isSubset(of: folders))
        }
    }
}
