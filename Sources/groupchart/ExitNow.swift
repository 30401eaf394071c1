import Foundation

/// Ends the process with `status` at once. A command that has printed all it
/// has to say calls it instead of returning, so that what it compiled is not
/// released object by object on the way out: the operating system takes the
/// memory back whole. Every output stream is flushed first (`print` buffers standard output).
func exitNow(_ status: Int32) -> Never {
    fflush(nil)
    exit(status)
}
