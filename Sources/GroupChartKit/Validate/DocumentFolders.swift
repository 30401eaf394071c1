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
            let record = self.record
            // Every note, plan and individual note is in a session's or a
            // member's folder; a document is in its first document's when
            // the same bytes start both (a name made for each of 22,000
            // documents, by splitting its path, was 0.5 % of a cold build).
            // Bytes, not `String`'s canonical equivalence: two folders whose
            // names differ only in their Unicode normalization are two
            // folders on disk, and their findings are kept apart.
            let lengths = documents.map { FolderEvents.recordFolderLength(of: $0.file) }
            func sameFolder(_ index: Int, as first: Int) -> Bool {
                guard let length = lengths[first] else { return documents[index].file == documents[first].file }
                return lengths[index] == length
                    && documents[index].file.utf8.prefix(length).elementsEqual(documents[first].file.utf8.prefix(length))
            }
            var folders: [DocumentFolder] = []
            var start = 0
            while start < documents.count {
                var end = start + 1
                while end < documents.count, sameFolder(end, as: start) { end += 1 }
                let paths = documents[start..<end].map(\.file)
                let name = lengths[start].map { String(decoding: documents[start].file.utf8.prefix($0), as: UTF8.self) }
                    ?? documents[start].file
                folders.append(DocumentFolder(name: name, documents: start..<end,
                                              key: DerivedMemo.key(paths.map { record.digest(of: $0) } + paths)))
                start = end
            }
            return folders
        }
    }
}
