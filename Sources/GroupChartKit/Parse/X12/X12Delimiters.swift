/// The characters that delimit an X12 interchange. Every interchange names
/// its own in the ISA segment, and real 835s differ (`>` or `:` between
/// components, `~` or a line break after segments), so they are read from
/// the file rather than assumed.
public struct X12Delimiters: Sendable, Equatable {
    public var element: Unicode.Scalar
    public var component: Unicode.Scalar
    /// ISA11 in 005010; `nil` when ISA11 is a code (004010 writes `U` there).
    public var repetition: Unicode.Scalar?
    public var segment: Unicode.Scalar

    /// What outputs.md writes and most payers send: `*` `:` `^` `~`.
    public static let common = X12Delimiters(element: "*", component: ":", repetition: "^", segment: "~")

    /// Why the ISA segment gives no usable delimiters.
    public enum Problem: Error, Equatable {
        /// The file ends before ISA16 and the character after it.
        case truncated
        /// Two delimiters are the same character, or one is a letter or digit.
        case clash(String)
    }

    /// Reads the delimiters of the ISA segment starting at `start`: the
    /// element separator is the character after `ISA`, the component
    /// separator is ISA16 and the segment terminator the character after it.
    /// ISA is fixed-width by the standard, but the 16 element separators are
    /// counted rather than trusted to stand at fixed offsets, so that an ISA
    /// whose padding was trimmed is still read.
    public static func fromISA(_ scalars: [Unicode.Scalar], at start: Int) -> Result<X12Delimiters, Problem> {
        guard start + 3 < scalars.count else { return .failure(.truncated) }
        let element = scalars[start + 3]
        var index = start + 3
        var separators = 0
        var elementStarts: [Int] = []
        while index < scalars.count, separators < 16 {
            if scalars[index] == element {
                separators += 1
                elementStarts.append(index + 1)
            }
            index += 1
        }
        guard separators == 16, index + 1 < scalars.count else { return .failure(.truncated) }
        let component = scalars[index]
        let segment = scalars[index + 1]
        let isa11 = scalars[elementStarts[10]..<elementStarts[11] - 1]
        let repetition = isa11.count == 1 && !isa11[isa11.startIndex].properties.isAlphabetic ? isa11.first : nil
        let delimiters = X12Delimiters(element: element, component: component, repetition: repetition, segment: segment)
        if let clash = delimiters.clash { return .failure(.clash(clash)) }
        return .success(delimiters)
    }

    /// What makes these delimiters unusable, in words; `nil` when usable.
    var clash: String? {
        let all = [element, component, segment] + (repetition.map { [$0] } ?? [])
        if let bad = all.first(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " }) {
            return "\"\(bad)\" cannot delimit X12 values"
        }
        return Set(all).count == all.count ? nil : "two delimiters are the same character"
    }
}
