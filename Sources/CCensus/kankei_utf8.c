// UTF-8 validation for the census's free text (see include/kankei_census.h). The vector version
// is the "lookup" algorithm of Keiser and Lemire (Validating UTF-8 in less than one instruction
// per byte, 2021): three 16-entry table lookups on the nibbles of each byte and the byte before
// it flag every invalid pair, and a saturating subtraction finds bytes that must be the 3rd or
// 4th of a sequence. It runs where the CPU has SSSE3 (chosen at run time); elsewhere, and for
// short cells, the portable loop.
#include "kankei_census.h"
#include "kankei_ascii.h"

#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <tmmintrin.h>
#define KANKEI_UTF8_VECTOR 1
#endif

int kankei_utf8_valid_portable(const void *bytes, size_t n) {
    const uint8_t *p = bytes;
    size_t at = 0;
    while (at < n) {
        at = kankei_skip_ascii(p, at, n);
        if (at >= n) break;
        uint8_t b = p[at];
        if (b < 0x80) { at++; continue; }
        if (b < 0xC2) return 0;
        if (b < 0xE0) {
            if (at + 2 > n || (p[at + 1] & 0xC0) != 0x80) return 0;
            at += 2;
            continue;
        }
        if (b < 0xF0) {
            if (at + 3 > n || (p[at + 1] & 0xC0) != 0x80 || (p[at + 2] & 0xC0) != 0x80) return 0;
            if (b == 0xE0 && p[at + 1] < 0xA0) return 0;   // overlong
            if (b == 0xED && p[at + 1] >= 0xA0) return 0;  // surrogate
            at += 3;
            continue;
        }
        if (b < 0xF5) {
            if (at + 4 > n || (p[at + 1] & 0xC0) != 0x80 || (p[at + 2] & 0xC0) != 0x80 || (p[at + 3] & 0xC0) != 0x80) return 0;
            if (b == 0xF0 && p[at + 1] < 0x90) return 0;   // overlong
            if (b == 0xF4 && p[at + 1] >= 0x90) return 0;  // past U+10FFFF
            at += 4;
            continue;
        }
        return 0;
    }
    return 1;
}

#ifdef KANKEI_UTF8_VECTOR

enum {
    TOO_SHORT = 1 << 0,      // a lead byte or ASCII followed by a lead byte
    TOO_LONG = 1 << 1,       // ASCII followed by a continuation
    OVERLONG_3 = 1 << 2,     // 11100000 100_____
    TOO_LARGE = 1 << 3,      // 11110100 1001____ and above
    SURROGATE = 1 << 4,      // 11101101 101_____
    OVERLONG_2 = 1 << 5,     // 1100000_ 10______
    TOO_LARGE_1000 = 1 << 6, // 11110101 1000____ and above
    OVERLONG_4 = 1 << 6,     // 11110000 1000____
    TWO_CONTS = 1 << 7,      // 10______ 10______
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define B(x) ((char)(x))

__attribute__((target("ssse3")))
static int valid_ssse3(const uint8_t *p, size_t n) {
    const __m128i byte_1_high = _mm_setr_epi8(
        B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG),
        B(TWO_CONTS), B(TWO_CONTS), B(TWO_CONTS), B(TWO_CONTS),
        B(TOO_SHORT | OVERLONG_2),
        B(TOO_SHORT),
        B(TOO_SHORT | OVERLONG_3 | SURROGATE),
        B(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4));
    const __m128i byte_1_low = _mm_setr_epi8(
        B(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4),
        B(CARRY | OVERLONG_2),
        B(CARRY), B(CARRY),
        B(CARRY | TOO_LARGE),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
        B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000));
    const __m128i byte_2_high = _mm_setr_epi8(
        B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT),
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        B(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT));
    // A sequence still open at the end of a block: its last byte is a lead of 2+, the one before
    // a lead of 3+, or the one before that a lead of 4.
    const __m128i incomplete_above = _mm_setr_epi8(
        B(0xFF), B(0xFF), B(0xFF), B(0xFF), B(0xFF), B(0xFF), B(0xFF), B(0xFF),
        B(0xFF), B(0xFF), B(0xFF), B(0xFF), B(0xFF), B(0xF0 - 1), B(0xE0 - 1), B(0xC0 - 1));
    const __m128i nibble = _mm_set1_epi8(0x0F);
    __m128i error = _mm_setzero_si128();
    __m128i previous = _mm_setzero_si128();
    __m128i incomplete = _mm_setzero_si128();
    uint8_t tail[16];
    for (size_t at = 0; at < n; at += 16) {
        __m128i input;
        if (at + 16 <= n) {
            input = _mm_loadu_si128((const __m128i *)(p + at));
        } else {
            memset(tail, 0, sizeof tail);   // ASCII after the end: a sequence left open is too short
            memcpy(tail, p + at, n - at);
            input = _mm_loadu_si128((const __m128i *)tail);
        }
        if (!_mm_movemask_epi8(input)) {
            error = _mm_or_si128(error, incomplete);
            incomplete = _mm_setzero_si128();
            previous = input;
            continue;
        }
        __m128i prev1 = _mm_alignr_epi8(input, previous, 15);
        __m128i special = _mm_and_si128(
            _mm_and_si128(_mm_shuffle_epi8(byte_1_high, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
                          _mm_shuffle_epi8(byte_1_low, _mm_and_si128(prev1, nibble))),
            _mm_shuffle_epi8(byte_2_high, _mm_and_si128(_mm_srli_epi16(input, 4), nibble)));
        __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 14), _mm_set1_epi8(B(0xE0 - 0x80)));
        __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 13), _mm_set1_epi8(B(0xF0 - 0x80)));
        __m128i continuation = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(B(0x80)));
        error = _mm_or_si128(error, _mm_xor_si128(continuation, special));
        incomplete = _mm_subs_epu8(input, incomplete_above);
        previous = input;
    }
    error = _mm_or_si128(error, incomplete);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}

static int has_ssse3(void) {
    static int known = -1;   // -1 until asked; any thread may ask first, and all find the same
    int value = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (value < 0) {
        __builtin_cpu_init();
        value = __builtin_cpu_supports("ssse3") ? 1 : 0;
        __atomic_store_n(&known, value, __ATOMIC_RELAXED);
    }
    return value;
}

int kankei_utf8_valid(const void *bytes, size_t n) {
    if (n < 16 || !has_ssse3()) return kankei_utf8_valid_portable(bytes, n);
    return valid_ssse3(bytes, n);
}

#else

int kankei_utf8_valid(const void *bytes, size_t n) { return kankei_utf8_valid_portable(bytes, n); }

#endif
