extension Array {
    /// A copy that takes exactly its elements' room. An array grown by
    /// appending keeps up to as much room again as it uses; for the arrays
    /// the model keeps for a whole build (every block's runs, every
    /// session's attendance and notes) that spare room was tens of MB at 20,000 notes. (A
    /// block's text, grown the same way, was measured too: copied to its
    /// size, it left the peak as it was.)
    func exactCopy() -> [Element] {
        withUnsafeBufferPointer { Array($0) }
    }
}
