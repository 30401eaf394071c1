/// What an 837P carries as written: printable ASCII without the separators
/// GroupChart writes with (`*` between elements, `:` between components,
/// `^` between repetitions, `~` after segments). The checks of values the
/// interchange carries (`ClaimRequirements`) and of the payer claim numbers
/// a replacement repeats (`PayerClaimNumber`) ask the same question.
enum X12Scalar {
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value < 0x7F && !"*:^~".unicodeScalars.contains(scalar)
    }
}
