#ifndef RENKEI_SHA256_BLOCKS_H
#define RENKEI_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (and SSSE3/SSE4.1) that
/// `renkei_sha256_blocks` needs.
int renkei_sha256_blocks_available(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` with the x86 SHA extensions.
/// Only call it when `renkei_sha256_blocks_available()` is true.
void renkei_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
