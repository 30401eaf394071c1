import GroupChartKit
import Testing

/// The progress line writes to a terminal only, redraws in place and not
/// more often than its interval, and clears itself when done.
@Suite struct ProgressLineTests {
    /// A progress line writing into `written`, on a clock the test moves.
    final class Recorder: @unchecked Sendable {
        var written: [String] = []
        var now = 0.0

        func line(isTerminal: Bool) -> ProgressLine {
            ProgressLine(isTerminal: isTerminal, interval: 0.1, clock: { self.now }, write: { self.written.append($0) })
        }
    }

    @Test func nothingIsWrittenWhenNotATerminal() {
        let recorder = Recorder()
        let progress = recorder.line(isTerminal: false)
        progress.update(1, of: 2, "reading files")
        progress.update(2, of: 2, "reading files")
        progress.finish()
        #expect(recorder.written.isEmpty)
    }

    @Test func theLineIsRedrawnInPlaceAtMostEveryInterval() {
        let recorder = Recorder()
        let progress = recorder.line(isTerminal: true)
        progress.update(1, of: 3, "reading files")
        recorder.now = 0.05
        progress.update(2, of: 3, "reading files")
        recorder.now = 0.06
        progress.update(3, of: 3, "reading files")
        recorder.now = 0.2
        progress.update(1, of: 5, "writing records")
        progress.finish()
        progress.finish()
        #expect(recorder.written == [
            "\r[1/3] reading files\u{1B}[K",
            "\r[3/3] reading files\u{1B}[K",
            "\r[1/5] writing records\u{1B}[K",
            "\r\u{1B}[K",
        ])
    }
}
