// Shared by the census's text checks (not part of the public header).
#ifndef KANKEI_ASCII_H
#define KANKEI_ASCII_H

#include <stdint.h>
#include <string.h>

// Skips whole 8-byte words of ASCII from `at`: the offset of the first word holding a byte of
// 0x80 or more (or of the last few bytes).
static inline size_t kankei_skip_ascii(const uint8_t *p, size_t at, size_t n) {
    while (at + 8 <= n) {
        uint64_t word;
        memcpy(&word, p + at, 8);
        if (word & 0x8080808080808080ull) break;
        at += 8;
    }
    return at;
}

#endif
