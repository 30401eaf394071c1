/// The lines of practice.yaml that only some claims depend on: one payer's
/// entry, one fee, `edi:`. A diagnostic standing there holds only those.
public struct ScopedRegion: Sendable, Codable, Equatable {
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
