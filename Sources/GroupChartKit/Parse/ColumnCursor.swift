/// Turns cmark's byte columns into scalar columns, walking each line forward
/// from the last column asked: cmark gives a line's text nodes in order, so a
/// line of 100,000 nodes is walked once, not once a node.
struct ColumnCursor {
    /// A place on a line, and the line's text from there.
    struct Place {
        var line: Int
        var column: Int
        var rest: Substring
    }

    let file: SourceFile
    private var line = 0
    private var rest: Substring = ""
    private var byteColumn = 1
    private var column = 1

    init(file: SourceFile) {
        self.file = file
    }

    mutating func place(line number: Int, byteColumn target: Int) -> Place {
        if number != line || target < byteColumn {
            line = number
            rest = file.line(number) ?? ""
            byteColumn = 1
            column = 1
        }
        // Scalar by scalar, each as wide as its lead byte says (the text is
        // valid UTF-8), without decoding it.
        let utf8 = rest.utf8
        var index = utf8.startIndex
        while byteColumn < target, index < utf8.endIndex {
            let lead = utf8[index]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            index = utf8.index(index, offsetBy: width)
            byteColumn += width
            column += 1
        }
        rest = rest[index...]
        return Place(line: number, column: column, rest: rest)
    }
}
