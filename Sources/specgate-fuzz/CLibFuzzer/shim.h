#ifndef SPECGATE_CLIBFUZZER_SHIM_H
#define SPECGATE_CLIBFUZZER_SHIM_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt), linked only into `-sanitize=fuzzer` builds of specgate-fuzz.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
