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
        var scalars = rest.unicodeScalars
        while byteColumn < target, let scalar = scalars.first {
            byteColumn += UTF8.width(scalar)
            column += 1
            scalars.removeFirst()
        }
        rest = Substring(scalars)
        return Place(line: number, column: column, rest: rest)
    }
}
