import CFuzzer
import Foundation

// libFuzzer runs the inputs (its options and corpus folders are the arguments).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPractice(data!, size) })
