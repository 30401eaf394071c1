import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
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

    /// The harder case: a nested field written first, while the outer box
    /// is still shared with the original.
    @Test func aNestedWriteToACopyLeavesTheOriginalAsItWas() {
        let original = Self.note()
        var copy = original
        copy.content.goalItems.append(GoalItem(goal: nil, status: .met, text: "x", location: SourceLocation(file: "f", line: 1)))
        #expect(original.content.goalItems.isEmpty && copy.content.goalItems.count == 1)
        var second = original
        second.signature.unreadableKeys.insert("signed_at")
        #expect(original.signature.unreadableKeys.isEmpty && second.signature.unreadableKeys == ["signed_at"])
        let signature = original.signature
        var alone = signature
        alone.addenda.append(Addendum(location: SourceLocation(file: "f", line: 9), date: nil, clinician: nil))
        #expect(signature.addenda.isEmpty && original.signature.addenda.isEmpty && alone.addenda.count == 1)
    }

    @Test func aSessionNoteIsAValueToo() {
        let note = SessionNote(file: "sessions/s/session.md", group: nil, date: nil, start: nil, end: nil, facilitator: nil,
                               coFacilitator: nil, topic: nil, module: nil, format: nil, placeOfService: nil, sizeRationale: nil,
                               attendance: [], attendanceLocation: SourceLocation(file: "sessions/s/session.md", line: 1),
                               signature: Signature(), body: MarkdownBody(blocks: []))
        var copy = note
        copy.topic = Located("Distress tolerance", at: SourceLocation(file: "sessions/s/session.md", line: 4))
        copy.signature.currentDigest = "sha256:x"
        #expect(note.topic == nil && note.signature.currentDigest == nil)
        #expect(copy.topic?.value == "Distress tolerance" && copy != note)
    }

    /// The cache writes a progress note and what it holds by hand
    /// (`CompactCoding`): byte for byte what the generic path writes for
    /// their fields, so the two can never drift apart unnoticed.
    @Test func theHandWrittenBytesAreTheGenericOnes() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        defer { practice.delete() }
        let record = RecordReader.read(try PracticeFolder(root: practice.root))
        let notes = record.sessions.flatMap(\.progressNotes).filter(\.isReadable)
        #expect(notes.count > 5)
        #expect(notes.contains { $0.content.risk != nil && !$0.content.goalItems.isEmpty && $0.signature.signedBy != nil })
        for note in notes {
            let fields = ProgressNote.Fields(file: note.file, session: note.session, member: note.member, isReadable: note.isReadable,
                                             signature: note.signature, interactiveComplexity: note.interactiveComplexity,
                                             content: note.content)
            #expect(try CompactCoding.encode(note) == CompactCoding.encode(fields), "\(note.file)")
            let content = ClinicalContent.Fields(body: note.content.body, goalItems: note.content.goalItems, risk: note.content.risk)
            #expect(try CompactCoding.encode(note.content) == CompactCoding.encode(content), "\(note.file)")
            let signature = note.signature
            let signatureFields = Signature.Fields(signedBy: signature.signedBy, signedAt: signature.signedAt, digest: signature.digest,
                                                   currentDigest: signature.currentDigest, addenda: signature.addenda,
                                                   unreadableKeys: signature.unreadableKeys)
            #expect(try CompactCoding.encode(signature) == CompactCoding.encode(signatureFields), "\(note.file)")
            #expect(try CompactCoding.decode(ProgressNote.self, from: CompactCoding.encode(fields)[...]) == note)
        }
    }
}
