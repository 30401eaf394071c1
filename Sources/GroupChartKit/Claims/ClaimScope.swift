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
}

/// The lines of practice.yaml that only some claims depend on: one payer's
/// entry, one fee, `edi:`. A diagnostic standing there holds only those.
public struct ScopedRegion: Sendable {
    /// Where the region's key stands.
    public var start: SourceLocation
    /// The file line of its last value.
    public var lastLine: Int
    public var scope: ClaimScope

    /// The scope of a diagnostic at `location`: that of the innermost region
    /// holding it (the one starting latest at or before it), else `chain`.
    public static func scope(of location: SourceLocation, in regions: [ScopedRegion]) -> ClaimScope {
        regions.filter { region in
            region.start.file == location.file && region.start <= location && location.line <= region.lastLine
        }.max { $0.start < $1.start }?.scope ?? .chain
    }
}
