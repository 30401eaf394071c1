/// Bytes as text when they are valid UTF-8. `String(validating:as:)` does
/// it from macOS 15 on, and the package builds for macOS 14: called
/// directly, it did not compile there (Linux has no such limit, so CI never
/// saw it). Before 15, the bytes are decoded and compared with the text's own.
enum UTF8Text {
    static func validated<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            return String(validating: bytes, as: UTF8.self)
        }
        return validatedByComparison(bytes)
    }

    /// The way before macOS 15: decoding puts U+FFFD for each bad sequence,
    /// so the text's own bytes differ from the given ones exactly when some
    /// were not UTF-8.
    static func validatedByComparison<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }
}
