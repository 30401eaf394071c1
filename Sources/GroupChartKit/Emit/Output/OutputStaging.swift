import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFolder {
    /// A build's outputs on their way into the folder: each is written to its
    /// temporary name as soon as it is rendered (and can then be dropped from
    /// memory), outputs of the last build that are still current are kept,
    /// and `commit` renames everything into place at once, so that a killed
    /// build still leaves the last one whole.
    final class Staging: @unchecked Sendable {
        let folder: OutputFolder
        private let lock = NSLock()
        private var staged: [String: (temporary: URL, final: URL)] = [:]
        private var created: [URL] = []
        private var kept: Set<String> = []
        /// The digest of each file written, by path (`OutputDigest`).
        private(set) var digests: [String: String] = [:]

        init(_ folder: OutputFolder) throws(WriteError) {
            self.folder = folder
            do {
                try folder.makeFolder(folder.root, created: &created)
            } catch {
                throw (error as? WriteError) ?? WriteError(description: "cannot write to \(folder.root.path): \(error.localizedDescription)")
            }
        }

        /// Writes `bytes` under the temporary name of `path`; callable from any thread.
        func write(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
            guard OutputFolder.isSafe(path), path != OutputFolder.manifestName else {
                throw WriteError(description: "refusing to write \"\(path)\" outside \(folder.root.path)")
            }
            let final = folder.root.appendingPathComponent(path, isDirectory: false)
            let temporary = OutputFolder.temporary(for: final)
            lock.lock()
            do {
                try folder.makeFolder(final.deletingLastPathComponent(), created: &created)
            } catch {
                lock.unlock()
                throw (error as? WriteError) ?? WriteError(description: "cannot create the folder of \(final.path)")
            }
            staged[path] = (temporary, final)
            lock.unlock()
            try OutputFolder.writeNew(temporary, bytes)
            let digest = OutputDigest.of(bytes)
            lock.lock()
            digests[path] = digest
            lock.unlock()
        }

        /// The flush `startFlush` began, which `commit` waits for.
        private var flushing: Meanwhile<Bool>?

        /// Starts flushing what is written so far to disk, on a thread of
        /// its own, so that `commit`'s own flush before the renames has only
        /// what was written since to wait for. A build starts it once its
        /// records are written (134 MB at 20,000 notes, with the cache's
        /// 100 MB before them) and makes the claims files meanwhile: the
        /// commit's wait went 142 -> 43 ms and the claims files 130 -> 176
        /// ms, the writeback sharing their cores (eight interleaved cold
        /// builds). Flushing every 32 MB while the records were rendered
        /// took as much from rendering as it saved (docs/performance.md).
        func startFlush() {
            lock.lock()
            defer { lock.unlock() }
            guard flushing == nil else { return }
            flushing = Meanwhile { sync(); return true }
        }

        /// Keeps the last build's `path` as it is, as an output of this build.
        func keep(_ path: String) {
            lock.lock()
            kept.insert(path)
            lock.unlock()
        }

        /// Every output of this build: written and kept.
        var paths: [String] {
            lock.lock()
            defer { lock.unlock() }
            return Array(Set(staged.keys).union(kept).subtracting([OutputFolder.manifestName])).sorted()
        }

        /// Renames everything written into place and removes the last
        /// build's outputs that this one does not have.
        func commit(killedAfter kill: Int? = nil) throws(WriteError) {
            let paths = self.paths
            if staged[OutputFolder.manifestName] == nil {
                do {
                    try writeManifest()
                } catch {
                    discard()
                    throw error
                }
            }
            // One flush of everything staged before the renames, rather than
            // an fsync a file (which cost 10 ms each, 20 s for 2,000 records);
            // after the one started early, if any, it flushes what came since.
            _ = flushing?.take()
            flushing = nil
            DiskFlush.files(staged.values.map { $0.temporary })
            // The manifest first: it lists this build's outputs and the last
            // one's still there (`writeManifest`), so that whatever a kill
            // lets happen of the renames below, the next build knows every
            // output either build left, and removes what it does not write.
            // Renamed last, a kill before it left the outputs of this build
            // that the last one did not have unlisted; renamed first listing
            // this build's alone, as before, it left the last build's
            // outputs that this one no longer writes.
            let order = staged.filter { $0.key == OutputFolder.manifestName }
                + staged.filter { $0.key != OutputFolder.manifestName }.sorted { $0.key < $1.key }
            for (renamed, (_, file)) in order.enumerated() {
                if renamed == kill { throw WriteError(description: "killed after \(renamed) renames") }
                guard rename(file.temporary.path, file.final.path) == 0 else {
                    let failed = WriteError.system("cannot rename \(file.temporary.path) to \(file.final.path)")
                    discard()
                    throw failed
                }
            }
            if kill == order.count { throw WriteError(description: "killed after \(kill ?? 0) renames") }
            // Written again without the last build's outputs once they are
            // removed (flushed, as the outputs were), so that it says what a
            // cold build's says.
            if !leftovers.isEmpty {
                notRemoved = folder.remove(leftovers, besides: paths)
                try? folder.write(OutputFolder.manifestName, OutputFolder.manifest(listing: paths + notRemoved))
            }
            // Every folder of this build's outputs, kept ones' too: a build
            // killed during its renames, then an edit undone, left its
            // temporaries where this one writes nothing.
            folder.removeLeftoverTemporaries(besides: paths)
        }

        /// Writes the list of this build's outputs, which the next build
        /// reads to remove what it no longer writes; called once all are
        /// staged. The last build's outputs that this one does not write are
        /// listed too while they are there (`commit` removes them after its
        /// renames; the next build's list leaves them out): a build killed
        /// before then leaves them listed for the next one to remove.
        func writeManifest() throws(WriteError) {
            let final = folder.root.appendingPathComponent(OutputFolder.manifestName, isDirectory: false)
            let temporary = OutputFolder.temporary(for: final)
            staged[OutputFolder.manifestName] = (temporary, final)
            let paths = self.paths
            leftovers = folder.leftovers(listed: folder.readManifest(), besides: paths)
            try OutputFolder.writeNew(temporary, OutputFolder.manifest(listing: paths + leftovers))
        }

        /// The last build's outputs this one does not write, still there
        /// when the manifest was written (`commit` removes them).
        private var leftovers: [String] = []
        /// Those of them `commit` could not remove (`OutputFolder.remove`).
        private(set) var notRemoved: [String] = []

        /// Takes back what was written (a build that failed).
        func discard() {
            for file in staged.values { unlink(file.temporary.path) }
            for folder in created.reversed() { rmdir(folder.path) }
            staged = [:]
        }
    }
}
