import Foundation
@testable import GroupChartKit
import Testing

/// The model's notes keep their fields in a shared box (`SharedFields`) for
/// cheap copies; they must still behave as values: a write to a copy never
/// shows in the original, and equality is by content.
@Suite struct SharedFieldsTests {
    static func note() -> ProgressNote {
        ProgressNote(file: "sessions/s/m.md", session: "s", member: "m", isReadable: true,
                     signature: Signature(signedBy: Located("dr-a", at: SourceLocation(file: "sessions/s/m.md", line: 3))),
                     interactiveComplexity: nil,
                     content: ClinicalContent(body: MarkdownBody(blocks: []), goalItems: [], risk: nil))
    }

    @Test func aWriteToACopyLeavesTheOriginalAsItWas() {
        let original = Self.note()
        var copy = original
        #expect(copy == original)
        copy.member = "other"
        copy.signature.signedBy = nil
        copy.content.goalItems.append(GoalItem(goal: nil, status: .met, text: "x", location: SourceLocation(file: "f", line: 1)))
        #expect(original.member == "m")
        #expect(original.signature.signedBy?.value == "dr-a")
        #expect(original.content.goalItems.isEmpty)
        #expect(copy.member == "other")
        #expect(copy.signature.signedBy == nil)
        #expect(copy.content.goalItems.count == 1)
        #expect(copy != original)
    }

    @Test func equalityIsByContentNotByBox() {
        var one = Self.note(), two = Self.note()
        #expect(one == two)
        one.isReadable = false
        #expect(one != two)
        two.isReadable = false
        #expect(one == two)
    }

    @Test func aNoteEncodesAsItsFields() throws {
        let note = Self.note()
        let encoded = try JSONEncoder().encode(note)
        let fields = try JSONSerialization.jsonObject(with: encoded) as? [String: Any]
        #expect(fields?["member"] as? String == "m")
        #expect(fields?["session"] as? String == "s")
        #expect(try JSONDecoder().decode(ProgressNote.self, from: encoded) == note)
    }
}
