@testable import GroupChartKit
import Testing

/// The codes a group's `cpt` refuses (`GroupReader.refusal`), and those it
/// leaves to the practice.
@Suite struct GroupCodeTests {
    @Test func oneMembersCodesVisitsAndTheAddOnAreRefused() {
        for code in ["90837", "90791", "99213", "99202", "99499", "90785"] {
            #expect(GroupReader.refusal(of: code) != nil, "\(code)")
        }
    }

    /// Group codes, psychotherapy's and others': 99411 and 99412
    /// (preventive counseling given to a group) were called evaluation and
    /// management visits.
    @Test func groupCodesAreLeftToThePractice() {
        for code in ["90853", "90849", "96164", "99411", "99412"] {
            #expect(GroupReader.refusal(of: code) == nil, "\(code)")
        }
    }
}
