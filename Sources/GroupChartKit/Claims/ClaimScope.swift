/// Which claims an error holds (rules.md, end): by default every claim whose
/// chain holds the error's file; narrower where the error is narrower, so
/// that a missing fee for 90834 does not hold the practice's group claims.
public enum ClaimScope: Sendable, Equatable, Hashable, Codable {
    /// Every claim whose chain holds the file (for practice.yaml: every claim).
    case chain
    /// The claims with a line of this CPT code (a missing or malformed fee).
    case code(String)
    /// The claims sent to this payer (an error in its entry of practice.yaml).
    case payer(String)
    /// No claim, but claims.837 is not written (an error in `edi:`).
    case interchange
    /// The claims of this member whose chain holds the file (and a related
    /// file, for a rule that holds related claims): an error about one
    /// member said in a session's note (`attendance-overlap`), which held
    /// every member's claims in the session.
    case member(String)
}
