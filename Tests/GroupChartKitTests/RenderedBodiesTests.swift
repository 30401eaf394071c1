import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Notes' bodies rendered once for a session's packet and taken by the
/// member's chart (`RenderedBodies`), and the order that keeps them a group
/// at a time (`RecordSet.renderOrder`).
@Suite struct RenderedBodiesTests {
    @Test func aKeptBodyIsTakenOnceAtItsLine() {
        let bodies = RenderedBodies(charted: ["ana"])
        bodies.keep("<p>one</p>", file: "sessions/s1/ana.md", line: 12, member: "ana")
        #expect(bodies.take("sessions/s1/ana.md", line: 11) == nil, "another line: another body")
        bodies.keep("<p>one</p>", file: "sessions/s1/ana.md", line: 12, member: "ana")
        #expect(bodies.take("sessions/s1/ana.md", line: 12) == "<p>one</p>")
        #expect(bodies.take("sessions/s1/ana.md", line: 12) == nil, "taken once")
        #expect(bodies.keptBytes == 0)
    }

    @Test func nothingIsKeptForAChartNotRenderedOrAlreadyStarted() {
        let bodies = RenderedBodies(charted: ["ana", "ben"])
        bodies.keep("<p>c</p>", file: "sessions/s1/cy.md", line: 9, member: "cy")
        bodies.chartStarts("ben")
        bodies.keep("<p>b</p>", file: "sessions/s1/ben.md", line: 9, member: "ben")
        #expect(bodies.keptBytes == 0)
        bodies.keep("<p>a</p>", file: "sessions/s1/ana.md", line: 9, member: "ana")
        bodies.keep("<p>a2</p>", file: "sessions/s2/ana.md", line: 9, member: "ana")
        #expect(bodies.keptBytes == "<p>a</p><p>a2</p>".utf8.count)
        bodies.chartStarts("ana")
        #expect(bodies.take("sessions/s1/ana.md", line: 9) == "<p>a</p>")
        bodies.chartEnds("ana")
        #expect(bodies.keptBytes == 0, "what the chart did not take is let go with it")
    }

    @Test func noMoreThanTheBudgetIsKept() {
        let bodies = RenderedBodies(charted: ["ana"])
        let big = String(repeating: "x", count: RenderedBodies.budget / 2 + 1)
        bodies.keep(big, file: "a.md", line: 1, member: "ana")
        bodies.keep(big, file: "b.md", line: 1, member: "ana")
        #expect(bodies.keptBytes == big.utf8.count)
        #expect(bodies.take("b.md", line: 1) == nil && bodies.take("a.md", line: 1) == big)
    }

    /// A packet's formatting keeps the body it renders, and the chart's
    /// takes it: the same HTML, rendered once.
    @Test func aPacketKeepsTheBodyAndTheChartTakesIt() throws {
        let checked = try GroupChart.check(RecordTests.example, options: Checker.Options(today: FixturePractice.today))
        let session = try #require(checked.record.sessions.first { !$0.progressNotes.isEmpty })
        let note = session.progressNotes[0]
        let bodies = RenderedBodies(charted: [note.member])
        let format = RecordFormatting(record: checked.record)
        func view(_ formatting: RecordFormatting) -> NoteView {
            formatting.note(kind: "Progress note", member: note.member, date: nil, body: note.content.body,
                            signature: note.signature, file: note.file)
        }
        let plain = view(format)
        #expect(view(format.with(.keep(bodies))).bodyHTML == plain.bodyHTML)
        #expect(bodies.keptBytes == plain.bodyHTML.utf8.count && !plain.bodyHTML.isEmpty)
        #expect(view(format.with(.take(bodies))).bodyHTML == plain.bodyHTML)
        #expect(bodies.keptBytes == 0, "taken by the chart")
    }

    /// Each group's packets, then the charts of the members whose first
    /// note is in it; every packet and chart once, whatever the order of
    /// the sessions and members.
    @Test func recordsAreRenderedAGroupAtATime() throws {
        let checked = try GroupChart.check(RecordTests.example, options: Checker.Options(today: FixturePractice.today))
        let (sessions, members) = (checked.record.sessions, checked.record.members)
        let order = RecordSet.renderOrder(sessions, members)
        #expect(order.count == sessions.count + members.count)
        #expect(Set(order.compactMap { if case .packet(let index) = $0 { index } else { nil } }) == Set(sessions.indices))
        #expect(Set(order.compactMap { if case .chart(let index) = $0 { index } else { nil } }) == Set(members.indices))
        for (position, item) in order.enumerated() {
            guard case .chart(let member) = item else { continue }
            let id = members[member].id
            // The member's first session's packet comes before the chart.
            if let first = sessions.firstIndex(where: { $0.progressNotes.contains { $0.member == id } }) {
                #expect(order[..<position].contains(.packet(first)), "\(id)")
            }
        }
        let reversed = RecordSet.renderOrder(sessions.reversed(), members.reversed())
        #expect(reversed.count == order.count)
    }
}
