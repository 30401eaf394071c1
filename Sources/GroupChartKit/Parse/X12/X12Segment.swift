import Foundation

/// One X12 segment as written, with where it and each of its elements
/// stand, so that the reader can warn at the odd value rather than at the
/// file.
public struct X12Segment: Sendable {
    /// `CLP`, `CAS`...
    public var id: String
    /// The elements after the id, as written: `elements[0]` is position 01.
    public var elements: [String]
    /// Where the segment id starts.
    public var location: SourceLocation
    /// Where each element starts, parallel to `elements`.
    var elementLocations: [SourceLocation]
    /// The component separator of the interchange it stands in (ISA16):
    /// a file may join interchanges written with different ones.
    var component: Unicode.Scalar = ":"

    /// The element at an X12 position (1-based, `CLP01` is 1), without the
    /// padding spaces ISA values carry; empty when the segment stops short.
    public subscript(position: Int) -> String {
        guard position >= 1, position <= elements.count else { return "" }
        return elements[position - 1].trimming(.whitespaces)
    }

    /// Where the element at `position` starts; the segment's start when it is absent.
    public func location(of position: Int) -> SourceLocation {
        guard position >= 1, position <= elementLocations.count else { return location }
        return elementLocations[position - 1]
    }

    /// `CLP01`: how the guide names the element at `position`.
    public func name(_ position: Int) -> String {
        id + pad(position, 2)
    }
}

extension X12Segment {
    /// The components of a composite element (`HC:90853:95` as `["HC",
    /// "90853", "95"]`), split by its interchange's component separator.
    func components(_ position: Int) -> [String] {
        self[position].split(separator: Character(component), omittingEmptySubsequences: false).map(String.init)
    }
}
