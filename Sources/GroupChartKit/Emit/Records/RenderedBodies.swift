import Foundation

/// Notes' bodies as a session's packet rendered them, kept for the member's
/// chart that shows them again, and let go as the chart takes them.
///
/// Why: every progress note is in two records, its session's packet and its
/// member's chart, and each read the note again from disk, checked its
/// digest and rendered it with cmark (6 % of a cold build at 20,000 notes,
/// `perf`). The records are rendered a group at a time, the group's packets
/// then the charts of the members whose first note is in it
/// (`RecordSet.renderOrder`), so a body waits here for one group's charts
/// at most. It is kept only for a chart this build renders and that has not
/// started (a chart that starts first renders the note itself), and never
/// past `budget` bytes: a practice of one large group keeps the first of
/// its notes and renders the others twice, as before.
final class RenderedBodies: @unchecked Sendable {
    /// What a record's formatting does with the bodies it renders.
    enum Role {
        /// A packet: keeps each body for the member's chart.
        case keep(RenderedBodies)
        /// A chart: takes the bodies a packet kept.
        case take(RenderedBodies)
    }

    static let budget = 16 << 20

    private let lock = NSLock()
    /// The members whose chart this build renders.
    private let charted: Set<String>
    /// Each kept body's HTML, by its note's path, with the line its body
    /// starts on and its member.
    private var kept: [String: (line: Int, html: String, member: String)] = [:]
    private var keptOf: [String: [String]] = [:]
    private var bytes = 0
    /// The members whose chart has started.
    private var started: Set<String> = []

    init(charted: Set<String>) {
        self.charted = charted
    }

    /// Keeps the HTML of the body of `member`'s note at `file` (starting on
    /// `line`) for the member's chart, when it will take it.
    func keep(_ html: String, file: String, line: Int, member: String) {
        let size = html.utf8.count
        lock.lock()
        defer { lock.unlock() }
        guard charted.contains(member), !started.contains(member), kept[file] == nil, bytes + size <= Self.budget else { return }
        kept[file] = (line, html, member)
        keptOf[member, default: []].append(file)
        bytes += size
    }

    /// The HTML kept of the body of the note at `file` starting on `line`, let go here.
    func take(_ file: String, line: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let found = kept[file], found.line == line else { return nil }
        kept[file] = nil
        bytes -= found.html.utf8.count
        return found.html
    }

    /// `member`'s chart starts: nothing more is kept for it.
    func chartStarts(_ member: String) {
        lock.lock()
        defer { lock.unlock() }
        started.insert(member)
    }

    /// `member`'s chart is rendered: whatever it did not take is let go.
    func chartEnds(_ member: String) {
        lock.lock()
        defer { lock.unlock() }
        for file in keptOf.removeValue(forKey: member) ?? [] {
            if let found = kept.removeValue(forKey: file) { bytes -= found.html.utf8.count }
        }
    }

    /// How many bytes are kept (for tests: none once every chart is rendered).
    var keptBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}
