// Only the declaration in include/CFuzzer.h; libFuzzer itself is linked by
// -sanitize=fuzzer.
#include "CFuzzer.h"
