// libFuzzer's driver, which each fuzzer's main.swift calls. SwiftPM names an
// executable's entry point itself (main is an alias of <Target>_main), so the
// fuzzers start libFuzzer with this function (LLVM 11 and later) rather than
// through libFuzzer's own main.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
