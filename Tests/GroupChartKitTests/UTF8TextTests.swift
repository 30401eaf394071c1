@testable import GroupChartKit
import Testing

/// The UTF-8 check that stands in for `String(validating:as:)` before
/// macOS 15 (where that does not exist) accepts exactly the valid sequences.
@Suite struct UTF8TextTests {
    @Test(arguments: [
        (Array("plain".utf8), "plain"), (Array("Séance — 会議".utf8), "Séance — 会議"), ([], ""),
        ([0xEF, 0xBF, 0xBD], "\u{FFFD}"), // U+FFFD written out is valid
        ([0xFF], nil), ([0x61, 0xC3], nil), ([0xC0, 0x80], nil), ([0xED, 0xA0, 0x80], nil),
        ([0xF4, 0x90, 0x80, 0x80], nil), ([0x61, 0x80, 0x62], nil),
    ] as [([UInt8], String?)])
    func onlyValidUTF8IsText(bytes: [UInt8], text: String?) {
        #expect(UTF8Text.validatedByComparison(bytes) == text)
        #expect(UTF8Text.validated(bytes[...]) == text)
    }
}
