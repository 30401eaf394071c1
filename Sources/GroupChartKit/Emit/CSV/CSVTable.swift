import Foundation

/// An RFC 4180 table: header row, CRLF line ends, UTF-8, fields quoted when
/// they hold a comma, quote or line break.
///
/// A cell that begins with `=`, `+`, `-`, `@`, tab or carriage return is
/// prefixed with `'` so that a spreadsheet never runs it as a formula
/// (outputs.md); the prefix is part of the value a reader gets back.
public struct CSVTable: Sendable {
    public let columns: [String]
    /// The table's UTF-8 so far: each row is encoded as it is appended.
    /// Kept as rows of cells, the claims of 20,000 notes were 600,000
    /// strings and 20,000 arrays, then their text, then that text's bytes:
    /// the top of a cold build's memory (GROUPCHART_PHASES: the claims stage
    /// 248 -> 256 MiB).
    public private(set) var bytes: [UInt8] = []

    public init(columns: [String]) {
        self.columns = columns
        encode(columns)
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        encode(row)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func encode(_ row: [String]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            bytes.append(contentsOf: Self.field(cell).utf8)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
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
