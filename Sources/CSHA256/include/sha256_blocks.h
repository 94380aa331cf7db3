#ifndef RENKEI_SHA256_BLOCKS_H
#define RENKEI_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's round constants K (FIPS 180-4), for this code and the portable Swift code.
extern const uint32_t renkei_sha256_round_constants[64];

/// Whether this CPU has the SHA extensions (and SSSE3/SSE4.1) that
/// `renkei_sha256_blocks` needs.
int renkei_sha256_blocks_available(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` with the x86 SHA extensions.
/// Only call it when `renkei_sha256_blocks_available()` is true.
void renkei_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
