import Foundation

/// Maps a collection on every core, keeping the order of the results, so
/// that reading a practice in parallel gives the same record as reading it
/// file by file.
enum ParallelMap {
    /// Each result is put straight into its place in the array returned:
    /// every index is written once, by the one worker that ran it, and
    /// `concurrentPerform` returns only when all have run. (A slot of an
    /// optional per result, stored under a lock and unwrapped into a second
    /// array at the end, was 3 % of a build with nothing changed at 20,000
    /// notes, where each transform is a `stat`: `perf`. The stamps are now
    /// taken as the folders are listed, but the point stands for every
    /// cheap transform.)
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        let count = inputs.count
        return [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.put(transform(inputs[index]), at: index)
            }
            initialized = count
        }
    }

    /// The array's storage, which the workers fill, each its own indices.
    private struct Slots<Value>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>

        func put(_ value: Value, at index: Int) {
            (base + index).initialize(to: value)
        }
    }
}
