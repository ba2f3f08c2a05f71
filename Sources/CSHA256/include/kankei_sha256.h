#ifndef KANKEI_SHA256_H
#define KANKEI_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's compression function (FIPS 180-4, 6.2.2) over `blocks` consecutive 64-byte blocks,
/// updating the eight-word `state` in place. Kept in C, built optimised even in debug builds:
/// every inbox byte goes through it, and unoptimised Swift hashes at a few MB/s.
/// Uses the CPU's SHA extensions where it has them (x86-64 SHA-NI), else portable C.
void kankei_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The portable C compression alone, to check the two against each other.
void kankei_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
