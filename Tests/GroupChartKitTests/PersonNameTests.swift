@testable import GroupChartKit
import Testing

/// A clinician's name as the 837P's 2310B carries it: last name, first
/// names, suffix (837 review: the last word alone was taken for the last
/// name, so "Ricardo de la Cruz Jr." went out as last name "Jr.").
@Suite struct PersonNameTests {
    @Test(arguments: [
        ("Angela Torres", PersonName(last: "Torres", first: "Angela")),
        ("Angela Maria Torres", PersonName(last: "Torres", first: "Angela Maria")),
        ("Ricardo de la Cruz Jr.", PersonName(last: "de la Cruz", first: "Ricardo", suffix: "Jr.")),
        ("Angela De La Torre", PersonName(last: "De La Torre", first: "Angela")),
        ("Torres, Angela", PersonName(last: "Torres", first: "Angela")),
        ("Torres, Angela, III", PersonName(last: "Torres", first: "Angela", suffix: "III")),
        ("Ludwig van Beethoven", PersonName(last: "van Beethoven", first: "Ludwig")),
        ("Van Nguyen", PersonName(last: "Nguyen", first: "Van")),
        ("Del Rio", PersonName(last: "Rio", first: "Del")),
        ("Cher", PersonName(last: "Cher", first: "")),
        ("Minh Van Nguyen", PersonName(last: "Nguyen", first: "Minh Van")),
        ("Anh Do", PersonName(last: "Do", first: "Anh")),
        ("Cruz Jr., Ricardo", PersonName(last: "Cruz", first: "Ricardo", suffix: "Jr.")),
        ("King Jr., Martin Luther", PersonName(last: "King", first: "Martin Luther", suffix: "Jr.")),
        ("Torres, Angela V.", PersonName(last: "Torres", first: "Angela V.")),
    ])
    func namesAreSplitAsTheyAreWritten(name: String, expected: PersonName) {
        #expect(PersonName(name) == expected)
    }

    @Test func credentialsAfterACommaAreFound() {
        #expect(PersonName.credential(in: "Angela Torres, LMFT") == "LMFT")
        #expect(PersonName.credential(in: "Angela Torres, Ph.D.") == "Ph.D.")
        #expect(PersonName.credential(in: "Torres, Angela") == nil)
        #expect(PersonName.credential(in: "Angela Torres") == nil)
    }

    /// Without a comma, a credential as the last word and a title before
    /// the name went out as the clinician's last and first names.
    @Test func credentialsAndTitlesWithoutACommaAreFound() {
        #expect(PersonName.credential(in: "Angela Torres PhD") == "PhD")
        #expect(PersonName.credential(in: "Ann Lee LMFT") == "LMFT")
        #expect(PersonName.credential(in: "Dr. Maria Lopez") == "Dr.")
        #expect(PersonName.credential(in: "Angela Ma") == nil, "Ma is a surname")
        #expect(PersonName.credential(in: "Dr. Torres") == "Dr.", "it went out as the first name")
        #expect(PersonName.credential(in: "Torres, Angela PhD") == "PhD")
        #expect(PersonName.credential(in: "Ann Lee LMFT-S") == "LMFT-S")
        #expect(PersonName.credential(in: "Rev. Ann Lee") == "Rev.")
        #expect(PersonName.credential(in: "Minh Van Nguyen") == nil)
        #expect(PersonName.credential(in: "Angela Torres -") == nil, "a bare hyphen: no credential, and no crash")
        #expect(PersonName.credential(in: "Angela Torres --") == nil)
        #expect(PersonName.credential(in: "Torres, Angela") == nil)
    }
}

/// A member's or subscriber's name as the 837P's NM1 carries it: a middle
/// initial after the first name to NM105, a suffix after the last name to
/// NM107 (a clearinghouse analyst's review: "Ann M." and "One Jr." went out
/// in NM104 and NM103, where a payer matching the card may not find them).
@Suite struct MemberNameTests {
    @Test(arguments: [
        ("Ann M.", "One", "Ann", "M", "One", ""),
        ("Ann M", "One", "Ann", "M", "One", ""),
        ("Mary Ann", "Smith", "Mary Ann", "", "Smith", ""),
        ("Sam", "One Jr.", "Sam", "", "One", "Jr"),
        ("Sam", "Reyes, III", "Sam", "", "Reyes", "III"),
        ("Sam", "St. John", "Sam", "", "St. John", ""),
        ("J.", "Doe", "J.", "", "Doe", ""),
        ("Jr", "Sr", "Jr", "", "Sr", ""),
    ])
    func initialsAndSuffixesStandApart(first: String, last: String, nm104: String, nm105: String, nm103: String, nm107: String) {
        let name = MemberName(first: first, last: last)
        #expect(name == MemberName(last: nm103, first: nm104, middle: nm105, suffix: nm107))
        // Written out whole again, it splits the same.
        let joined = name.joined
        #expect(MemberName(first: joined.first, last: joined.last) == name)
    }

    /// Credentials that say no license stands behind them, unless a license
    /// stands beside them unqualified (a code review: "LPCC, PhD candidate"
    /// was refused, the clinician's claims held).
    @Test(arguments: [("LPC (pending)", true), ("student intern", true), ("PhD candidate", true), ("LMSW trainee", true),
                      ("LPCC, PhD candidate", false), ("LPCC (LMFT pending)", false), ("LMFT", false), ("BCBA, applied behavior analysis", false),
                      // A license lapsed, taken away or not yet full, or applied for (an auditor's review).
                      ("LMFT (expired)", true), ("LPCC - suspended", true), ("LMFT intern", true), ("pre-licensed", true),
                      ("LMFT (applied)", true), ("license applied for", true), ("LPCC (provisional)", true), ("LMFT, license lapsed", true),
                      // A license beside another pending, or being renewed, stands (a code review).
                      ("LPCC; LMFT license pending", false), ("LCSW, license pending renewal", false), ("LPCC, pre-doctoral", false)])
    func credentialsThatNameNoLicense(credentials: String, namesNone: Bool) {
        #expect(Clinician.namesNoLicense(credentials) == namesNone)
    }
}
