@testable import GroupChartKit
import Testing

/// Words written where a value belongs that give none (`NoValue`), and the
/// quick answer for long text, which must give the same answers.
@Suite struct NoValueTests {
    @Test func placeholdersAreFoundWhateverTheirPunctuation() {
        for text in ["N/A", "n/a.", "None.", "-", "", "TBD", "Not applicable", "Not applicable\u{2026}", "Not\u{00A0}applicable",
                     "\u{201C}Not applicable\u{201D}", "\u{201C}nothing\u{201D} \u{2014}", "- - - -", "n\u{FF0F}a"] {
            #expect(NoValue.isPlaceholder(text), "\(text)")
        }
    }

    /// The quick answer counts ASCII letters and digits alone: a curly quote
    /// or a no-break space counted as letters took "Not applicable…" for a value.
    @Test func textWithMoreThanAPlaceholdersLettersIsAValue() {
        for text in ["weekly", "24 weeks", "N/A - not applicable", "not applicable at this time", "LMFT",
                     "Reduce self-harm urges from daily to fewer than 2 per week"] {
            #expect(!NoValue.isPlaceholder(text), "\(text)")
        }
    }
}
