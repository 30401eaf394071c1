/// The notes of one record folder (`sessions/<id>/` or `members/<id>/`):
/// a run of `Analysis.markdownDocuments`, which is in path order, with the
/// memo key of their files (`nil` when one has no digest).
struct DocumentFolder: Sendable {
    /// `sessions/<id>` or `members/<id>`.
    let name: String
    let documents: Range<Int>
    let key: String?
}

extension Analysis {
    /// The findings of a rule that reads each note alone (its kind, its
    /// path and its sections, nothing else of the practice): `empty-section`,
    /// `missing-section`, `duplicate-section`.
    ///
    /// In `watch` and `serve` they are kept per record folder under the
    /// digests of its notes (`DerivedMemo`), so a save checks the notes of
    /// the folder it touched and takes every other folder's findings as the
    /// last check made them: at 20,000 notes these three rules were 150 ms of
    /// rule time in every save (a tenth of it). A build keeps them the same
    /// way in its cache (`DerivedCache`, one file per rule) for the next
    /// build and `check`. Without either they read every note, as before.
    func eachDocumentAlone(_ rule: String,
                           _ check: ((kind: NoteKind, file: String, body: MarkdownBody)) -> [Finding]) -> [Finding] {
        let documents = markdownDocuments
        guard derivedMemo != nil || cache != nil else { return documents.flatMap(check) }
        return documentFolders.enumerated().flatMap { index, folder in
            derived(rule, key: folder.key, cachedAs: (folder.name, index)) { documents[folder.documents].flatMap(check) }
        }
    }

    /// `markdownDocuments` cut into record folders, with their keys (once per check).
    var documentFolders: [DocumentFolder] {
        memo(\.memoDocumentFolders, foldersLock) {
            let documents = markdownDocuments
            // Every note, plan and individual note is in a session's or a
            // member's folder, found in its path's bytes
            // (`PracticeRecord.recordFolder(containing:)`, a slice of the
            // path): a name made for each of 22,000 documents, by splitting
            // its path into Characters, was 0.5 % of a cold build.
            let names = documents.map { PracticeRecord.recordFolder(containing: $0.file) ?? $0.file[...] }
            var folders: [DocumentFolder] = []
            var start = 0
            while start < documents.count {
                var end = start + 1
                while end < documents.count, names[end] == names[start] { end += 1 }
                let paths = documents[start..<end].map(\.file)
                folders.append(DocumentFolder(name: String(names[start]), documents: start..<end,
                                              key: DerivedMemo.key(paths.map(digest) + paths)))
                start = end
            }
            return folders
        }
    }
}
