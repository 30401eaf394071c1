import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `groupchart submit`: records the next batch as sent, by copying it into
/// `submissions/<today>-<ISA13>.837` (lifecycle.md, "groupchart submit").
///
/// It holds the lock of the build's output folder (`BuildLock`) from its
/// check to its file's link, so that the batch it sends is the one a build
/// after it knows as sent: a second `submit` at once waits, then finds
/// nothing left to send (it had made the same batch, and was refused only at
/// the link, after its own build), and a `build` at once waits, then shows
/// the batch as sent (it could build between this one's build and link, and
/// leave a claims.837 of claims already sent, the batch a biller uploads).
///
/// It builds first (so build/ shows what was sent), then writes the batch
/// under a hidden temporary name in submissions/ and links it to its final
/// name: link(2) fails rather than replace a file, so a submission is never
/// written over another, and a killed submit leaves at most a hidden file
/// that `check` ignores and the next submit removes. The file is readable by
/// its owner only: it holds protected health information.
public enum BatchSubmitter {
    public struct Options: Sendable {
        public var checker: Checker.Options
        /// Only services on or before this date go in the batch.
        public var through: LocalDate?
        /// Say what would be done and write nothing.
        public var dryRun: Bool
        /// The build's output folder (default `<practice>/build`).
        public var output: URL?
        /// Told when the build waits for another build into that folder.
        public var waiting: (@Sendable () -> Void)?

        public init(checker: Checker.Options, through: LocalDate? = nil, dryRun: Bool = false, output: URL? = nil) {
            self.checker = checker
            self.through = through
            self.dryRun = dryRun
            self.output = output
        }
    }

    public struct Outcome: Sendable {
        public var report: CheckReport
        public var summary: BatchSummary
        /// The submission written (or that would be), relative to the practice.
        public var path: String
        /// The receiver the file goes to (practice.yaml `edi.receiver_name`).
        public var receiver: String
        public var dryRun: Bool
        /// A test interchange (practice.yaml `edi: usage:` not `production`,
        /// ISA15 T), which the clearinghouse sends to no payer.
        public var isTest = false
        /// Written `--through` while practice.yaml's usage is test: a
        /// production interchange all the same (ISA15 P), a record of billing.
        public var recordedAsProduction = false
        /// Why the build after the submission failed, when it did: build/
        /// then still holds, as claims.837, the batch just submitted.
        public var staleBuild: String?
    }

    public static func submit(_ root: URL, options: Options) throws(Refusal) -> Outcome {
        try submit(root, options: options, largest: PracticeFile.maximumSize)
    }

    /// `submit`, refusing a batch whose file is over `largest` bytes: the
    /// next build reads every submission back (what was sent is never sent
    /// again), and refuses a file larger than any document it reads
    /// (`PracticeFile.maximumSize`), so every claim in such a file would be
    /// billed again. `--through` sends the batch in parts.
    /// `afterWriting` runs once the submission is written, before the build
    /// after it: a test's way to make that build fail.
    static func submit(_ root: URL, options: Options, largest: Int,
                       afterWriting: () throws -> Void = {}) throws(Refusal) -> Outcome {
        let output = OutputPlacement.folder(options.output, practice: root)
        // Refused before the lock is taken: its folder is made in the output folder.
        if !options.dryRun, let problem = OutputPlacement.folderProblem(output, practice: root) {
            throw Refusal("the build could not write, so nothing was submitted: \(problem)")
        }
        let lock = options.dryRun ? nil : BuildLock.take(output, waiting: options.waiting)
        defer { lock?.release() }
        let checked: (record: PracticeRecord, report: CheckReport)
        do {
            // The cache of the folder it holds and builds into (`--out`), not the practice's build/.
            checked = try GroupChart.check(root, options: options.checker, buildFolder: output)
        } catch {
            throw Refusal(error.description)
        }
        guard let practice = checked.record.practice, let edi = practice.edi else {
            throw Refusal("practice.yaml has no edi: block, so there is no 837P to submit; add edi: with submitter_id, receiver_id, receiver_name and usage")
        }
        let stopped = checked.report.interchangeHeldBy
        guard stopped.isEmpty else {
            throw Refusal("errors stop the whole batch (\(stopped.joined(separator: ", "))): in practice.yaml's edi: block, or a folder of the practice that cannot be read; run groupchart check and correct them")
        }
        let billing = checked.report.billing ?? Billing(record: checked.record, report: checked.report)
        let batch = options.through.map {
            NextBatch(claims: billing.claims, ledger: billing.ledger, record: checked.record, errors: checked.report.diagnostics, through: $0)
        }
            ?? billing.batch
        guard !batch.isEmpty else {
            let more = options.through.map { " with a date of service on or before \($0)" } ?? ""
            throw Refusal("nothing to send: no claim\(more) is new, corrected, changed or to void since the last submission (submissions/ holds them)")
        }
        // A batch --through writes records billing (done by other means, or
        // sent in parts) as a production interchange (ISA15 P) in test mode
        // too: written as a test one, its claims went out again as never
        // sent once the practice billed in production.
        var recorded = practice
        if options.through != nil { recorded.edi?.usage = Located(.production, at: edi.usage?.location ?? edi.location) }
        let interchange: [UInt8]
        do {
            guard let written = try ClaimFiles.interchange(batch, practice: recorded, today: options.checker.today) else {
                throw Refusal("practice.yaml has no edi: block, so there is no 837P to submit")
            }
            interchange = written
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal("the batch cannot be written as X12: \(error); run groupchart check and correct the value it names")
        }
        guard interchange.count <= largest else {
            throw Refusal("the batch's file would be \(interchange.count) bytes (\(batch.entries.count) claims), over the "
                          + "\(largest) bytes a build reads back from submissions/, so the next build could not tell them sent; "
                          + "send it in parts, the oldest first: groupchart submit --through DATE")
        }
        let path = "submissions/\(options.checker.today)-\(zeroPadded(batch.controlNumber)).837"
        let outcome = Outcome(report: checked.report, summary: BatchSummary(batch, written: true), path: path,
                              receiver: edi.receiverName?.value ?? edi.receiverID?.value ?? "the clearinghouse", dryRun: options.dryRun,
                              isTest: options.through == nil && edi.usage?.value != .production,
                              recordedAsProduction: options.through != nil && edi.usage?.value != .production)
        guard !options.dryRun else { return outcome }
        // The builds inside submit hold the lock it took (`holdsLock`).
        var buildOptions = Builder.Options(checker: options.checker, output: options.output)
        buildOptions.holdsLock = lock != nil
        buildOptions.waiting = options.waiting
        do {
            _ = try Builder.build(root, options: buildOptions)
        } catch {
            throw Refusal("the build could not write, so nothing was submitted: \(error.description)")
        }
        try write(interchange, to: root.appendingPathComponent(path))
        try? afterWriting()
        // Built again with the submission in place, so that build/ never
        // holds as claims.837 a batch already sent: a biller who uploads
        // build/claims.837 after submit (or after submit --through, whose
        // claims were billed by other means) would bill them twice. Its
        // batch is what is left to send, usually nothing.
        var submitted = outcome
        do {
            _ = try Builder.build(root, options: buildOptions)
        } catch {
            submitted.staleBuild = error.description
        }
        return submitted
    }

    /// Writes `bytes` whole to `url`, which must not exist, owner-only.
    static func write(_ bytes: [UInt8], to url: URL) throws(Refusal) {
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw Refusal("\(folder.path) is a file, not a folder; move it away so that submissions/ can hold the batches sent")
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Refusal("cannot create \(folder.path): \(error.localizedDescription)")
        }
        removeLeftovers(in: folder)
        guard !manager.fileExists(atPath: url.path) else {
            throw Refusal("\(url.lastPathComponent) already exists in submissions/; a submission is never written over another")
        }
        let temporary = folder.appendingPathComponent(".submit-\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw Refusal("cannot write in \(folder.path): \(String(cString: strerror(errno)))") }
        let wrote = bytes.withUnsafeBytes { buffer in Foundation.write(descriptor, buffer.baseAddress, buffer.count) }
        let synced = DiskFlush.file(descriptor)
        close(descriptor)
        defer { unlink(temporary.path) }
        guard wrote == bytes.count, synced else { throw Refusal("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        guard link(temporary.path, url.path) == 0 else {
            if errno == EEXIST { throw Refusal("\(url.lastPathComponent) already exists in submissions/; a submission is never written over another") }
            throw Refusal("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// What a killed submit left behind: hidden temporary files only.
    private static func removeLeftovers(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".submit-") && name.hasSuffix(".tmp") {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    static func zeroPadded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }
}
