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
        if let cache {
            return documentFolders.enumerated().flatMap { index, folder in
                cache.value(rule, of: folder.name, at: index, key: folder.key.map { rule + "\u{2}" + $0 }) {
                    documents[folder.documents].flatMap(check)
                }
            }
        }
        guard let derivedMemo else { return documents.flatMap(check) }
        return documentFolders.flatMap { folder in
            derivedMemo.value("\(rule) by folder", key: folder.key) { documents[folder.documents].flatMap(check) }
        }
    }

    /// `markdownDocuments` cut into record folders, with their keys (once per check).
    var documentFolders: [DocumentFolder] {
        memo(\.memoDocumentFolders, foldersLock) {
            let documents = markdownDocuments
            var folders: [DocumentFolder] = []
            var start = 0
            while start < documents.count {
                let folder = Self.recordFolder(of: documents[start].file)
                var end = start + 1
                while end < documents.count, Self.recordFolder(of: documents[end].file) == folder { end += 1 }
                let paths = documents[start..<end].map(\.file)
                folders.append(DocumentFolder(name: String(folder), documents: start..<end, key: DerivedMemo.key(paths.map { digests[$0] ?? "" } + paths)))
                start = end
            }
            return folders
        }
    }

    /// `sessions/<id>` or `members/<id>` (the path's first two components);
    /// a path outside them is its own folder.
    static func recordFolder(of path: String) -> Substring {
        guard let first = path.firstIndex(of: "/"),
              let second = path[path.index(after: first)...].firstIndex(of: "/") else { return path[...] }
        return path[..<second]
    }
}
