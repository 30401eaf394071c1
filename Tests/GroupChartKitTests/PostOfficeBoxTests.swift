@testable import GroupChartKit
import Testing

/// A billing address that is a post office box is refused; streets named
/// with the same words are not (billing re-review: "Pobox Lane" and "12
/// Lock Box Lane" were refused, "200 Harbor Way, PO Box 12" was not).
@Suite struct PostOfficeBoxTests {
    @Test(arguments: ["PO Box 4410", "P.O. Box 12", "p o box 9", "Post Office Box 77", "POB 12", "Lock Box 3", "Lockbox 19",
                      "Box 1234", "200 Harbor Way, PO Box 12", "PO Box #12"])
    func boxesAreRefused(street: String) {
        #expect(ClaimRequirements.isPostOfficeBox(street))
    }

    @Test(arguments: ["1 Post Office Square", "Pobox Lane", "Lockbox Rd", "12 Lock Box Lane", "Pob Street", "1 Test Way",
                      "44 Boxwood Ave", "3 Box Hill Road"])
    func streetsAreNot(street: String) {
        #expect(!ClaimRequirements.isPostOfficeBox(street))
    }
}
