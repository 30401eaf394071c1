import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CompiledDocuments {
    /// Writes the cache of a build as its documents are read, in the order
    /// found whatever order the cores finish them in, so that the entries
    /// are never all held at once (60 MB at 20,000 notes, which made the
    /// peak of a cold build). The file is made under a temporary name and
    /// renamed into place by `commit`, once the build's outputs are in
    /// place: a build that fails or is stopped leaves the last cache (and
    /// no cache folder it made). A folder that cannot be written leaves the
    /// build without a cache, which is never an error.
    final class Writer: @unchecked Sendable {
        private let lock = NSLock()
        private let final: URL
        private let temporary: URL
        private let createdFolders: [URL]
        private var descriptor: Int32
        private var waiting: [Int: Entry?] = [:]
        private var next = 0
        private var buffer: [UInt8] = []
        private var hash = StreamHash()
        private var count = 0
        /// The bytes written before `buffer`'s.
        private var written = 0
        /// The magic and the program, which the index's hash covers.
        private let start: [UInt8]
        private var index: [UInt8] = []
        private var complete = false
        private var ended = false

        init?(in folder: URL, name: String = CompiledDocuments.name, program: String = CompiledDocuments.program) {
            var created: [URL] = []
            guard (try? OutputFolder(root: folder).makeFolder(folder, created: &created)) != nil else { return nil }
            final = folder.appendingPathComponent(name)
            temporary = OutputFolder.temporary(for: final)
            createdFolders = created
            guard let descriptor = OutputFolder.openNew(temporary) else {
                for folder in created.reversed() { rmdir(folder.path) }
                return nil
            }
            self.descriptor = descriptor
            buffer = CompiledDocuments.magic
            CompiledDocuments.append(text: program, to: &buffer)
            start = buffer
        }

        /// The entry of the document found at `index` (`nil`: it has none);
        /// an index given twice, or after `finish`, is not written again.
        func add(_ entry: Entry?, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            guard !ended, index >= next, waiting[index] == nil else { return }
            waiting[index] = entry
            while let ready = waiting.removeValue(forKey: next) {
                next += 1
                if let entry = ready { append(entry) }
            }
            if buffer.count >= 1 << 20 { flush() }
        }

        private func append(_ entry: Entry) {
            let offset = buffer.count
            CompiledDocuments.append(entry: entry, to: &buffer)
            CompiledDocuments.append(indexOf: entry.path, at: (written + offset)..<(written + buffer.count),
                                     hash: CompiledDocuments.hash(buffer[offset...]), to: &index)
            count += 1
        }

        private func flush() {
            guard descriptor >= 0, !buffer.isEmpty else { buffer.removeAll(); return }
            hash.update(buffer[...])
            let complete = OutputFolder.writeAll(descriptor, buffer)
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
            if !complete { takeBack() }
        }

        /// Ends the file; entries still waiting for one before them (a
        /// session a rule passed over) follow in order. `keep` false (every
        /// entry came from the cache there, which holds no others) takes it
        /// back instead.
        func finish(keep: Bool) {
            lock.lock()
            defer { lock.unlock() }
            guard !ended else { return }
            ended = true
            guard keep else { takeBack(); return }
            for index in waiting.keys.sorted() { if let entry = waiting[index] ?? nil { append(entry) } }
            waiting = [:]
            flush()
            guard descriptor >= 0 else { return }
            buffer = CompiledDocuments.ending(start: start[...], index: index, at: written, count: count)
            index = []
            hash.update(buffer[...])
            CompiledDocuments.append(fixed: hash.finalize(), width: 8, to: &buffer)
            let written = OutputFolder.writeAll(descriptor, buffer)
            buffer = []
            close(descriptor)
            descriptor = -1
            if written { complete = true } else { takeBack() }
        }

        /// Puts the finished file in place (the build's outputs are); it
        /// holds every entry its addendum held that the build asked for, so
        /// the addendum goes.
        func commit() {
            lock.lock()
            defer { lock.unlock() }
            if !complete || rename(temporary.path, final.path) != 0 {
                takeBack()
            } else {
                unlink(final.deletingLastPathComponent().appendingPathComponent(CompiledDocuments.addendumName(of: final.lastPathComponent)).path)
            }
            complete = false
        }

        /// Takes the file back (a build that failed).
        func discard() {
            lock.lock()
            defer { lock.unlock() }
            takeBack()
        }

        deinit {
            // A writer let go without `commit` or `discard` leaves nothing.
            if descriptor >= 0 || complete { takeBack() }
        }

        private func takeBack() {
            ended = true
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            complete = false
            buffer = []
            unlink(temporary.path)
            for folder in createdFolders.reversed() { rmdir(folder.path) }
        }
    }
}
