@testable import GroupChartKit
import Testing

/// `interactive_complexity` bills CPT 90785, so only a factor written out
/// counts: a placeholder, in any case or punctuation, or a phrase that says
/// there was none or points elsewhere, is `invalid-value` (auditor review:
/// "None.", "N/A.", "none noted" and "see group note" billed 90785).
@Suite struct InteractiveComplexityTests {
    @Test(arguments: ["None.", "N/A.", "No.", "0", "none noted", "not applicable", "No interactive complexity", "same as above",
                      "see group note", "n/a - none", "NONE", "-", "...", "TBD", "Refer to group note.", "No complicating factors."])
    func placeholdersAreNoReason(text: String) {
        #expect(throws: ScalarError.self) { try ProgressNoteReader.complicatingFactor(text).get() }
    }

    @Test(arguments: ["Her mother's distress interrupted the session twice and had to be managed.",
                      "Sign-language interpreter used throughout.", "Noted conflict between caregivers required redirection.",
                      "None of the usual strategies worked: his father's anger escalated and needed de-escalation.",
                      "As per state law, suspected abuse disclosed in session was reported to CPS.",
                      "As in prior sessions, the mother's distress interfered with his participation.",
                      "No verbal responses noted; play equipment was needed to communicate."])
    func factorsWrittenOutCount(text: String) throws {
        #expect(try ProgressNoteReader.complicatingFactor(text).get() == text)
    }
}
