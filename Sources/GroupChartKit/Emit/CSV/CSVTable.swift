import Foundation

/// An RFC 4180 table: header row, CRLF line ends, UTF-8, fields quoted when
/// they hold a comma, quote or line break.
///
/// A cell that begins with `=`, `+`, `-`, `@`, tab or carriage return is
/// prefixed with `'` so that a spreadsheet never runs it as a formula
/// (outputs.md); the prefix is part of the value a reader gets back.
public struct CSVTable: Sendable {
    public let columns: [String]
    public private(set) var rows: [[String]] = []

    public init(columns: [String]) {
        self.columns = columns
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    public var text: String {
        var text = ""
        text.reserveCapacity((rows.count + 1) * columns.count * 12)
        for row in [columns] + rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { text.append(",") }
                text.append(Self.field(cell))
            }
            text.append("\r\n")
        }
        return text
    }

    static func field(_ value: String) -> String {
        var cell = value
        // The bytes first: most cells hold none of the characters that
        // matter, and walking Characters (grapheme breaking) for each of
        // half a million cells was most of writing the claims files.
        if let first = cell.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) { cell = "'" + cell }
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }),
              cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
        // Doubled by hand: Foundation's replacingOccurrences goes through
        // NSString on Linux, and was a third of writing the claims files.
        var quoted = "\""
        for character in cell {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }
}
