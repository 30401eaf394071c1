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
        ([columns] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
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
