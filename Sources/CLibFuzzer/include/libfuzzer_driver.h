#ifndef RENKEI_LIBFUZZER_DRIVER_H
#define RENKEI_LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 11 and later), for a program with a `main` of its
/// own: SwiftPM gives every executable one. Defined only when linked with -sanitize=fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
