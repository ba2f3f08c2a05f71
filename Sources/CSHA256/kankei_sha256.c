#include "kankei_sha256.h"

#include <stdlib.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void portable_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    uint32_t w[64];
    for (; blocks > 0; blocks--, data += 64) {
        for (int i = 0; i < 16; i++) {
            w[i] = (uint32_t)data[i * 4] << 24 | (uint32_t)data[i * 4 + 1] << 16 | (uint32_t)data[i * 4 + 2] << 8 |
                   (uint32_t)data[i * 4 + 3];
        }
        for (int i = 16; i < 64; i++) {
            uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#if defined(__x86_64__)
// The same compression with the CPU's SHA extensions (Intel SHA-NI: sha256rnds2, sha256msg1,
// sha256msg2), about ten times as fast. The state is kept as ABEF and CDGH, as those
// instructions want it; message words are byte-swapped into place with pshufb.
__attribute__((target("sha,sse4.1,ssse3")))
static void extension_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);  // CDAB
    __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);  // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);     // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);          // CDGH
    for (; blocks > 0; blocks--, data += 64) {
        __m128i abef = state0, cdgh = state1;
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), swap);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), swap);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), swap);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), swap);
        __m128i msg;
// Four rounds on the schedule words in `w`, constants K[4i…4i+3].
#define ROUNDS(i, w)                                                                   \
        msg = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)&K[4 * (i)]));       \
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);                            \
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E))
// The next four words into `next`: W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16].
#define SCHEDULE(next, last, before)                                                   \
        next = _mm_sha256msg2_epu32(_mm_add_epi32(next, _mm_alignr_epi8(last, before, 4)), last)
        ROUNDS(0, m0);
        ROUNDS(1, m1); m0 = _mm_sha256msg1_epu32(m0, m1);
        ROUNDS(2, m2); m1 = _mm_sha256msg1_epu32(m1, m2);
        ROUNDS(3, m3); SCHEDULE(m0, m3, m2); m2 = _mm_sha256msg1_epu32(m2, m3);
        ROUNDS(4, m0); SCHEDULE(m1, m0, m3); m3 = _mm_sha256msg1_epu32(m3, m0);
        ROUNDS(5, m1); SCHEDULE(m2, m1, m0); m0 = _mm_sha256msg1_epu32(m0, m1);
        ROUNDS(6, m2); SCHEDULE(m3, m2, m1); m1 = _mm_sha256msg1_epu32(m1, m2);
        ROUNDS(7, m3); SCHEDULE(m0, m3, m2); m2 = _mm_sha256msg1_epu32(m2, m3);
        ROUNDS(8, m0); SCHEDULE(m1, m0, m3); m3 = _mm_sha256msg1_epu32(m3, m0);
        ROUNDS(9, m1); SCHEDULE(m2, m1, m0); m0 = _mm_sha256msg1_epu32(m0, m1);
        ROUNDS(10, m2); SCHEDULE(m3, m2, m1); m1 = _mm_sha256msg1_epu32(m1, m2);
        ROUNDS(11, m3); SCHEDULE(m0, m3, m2); m2 = _mm_sha256msg1_epu32(m2, m3);
        ROUNDS(12, m0); SCHEDULE(m1, m0, m3); m3 = _mm_sha256msg1_epu32(m3, m0);
        ROUNDS(13, m1); SCHEDULE(m2, m1, m0);
        ROUNDS(14, m2); SCHEDULE(m3, m2, m1);
        ROUNDS(15, m3);
#undef ROUNDS
#undef SCHEDULE
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);                // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);             // DCHG
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(tmp, state1, 0xF0));   // DCBA
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(state1, tmp, 8));      // HGFE
}

static int has_extensions(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 19)) || !(c & (1u << 9))) return 0;  // SSE4.1, SSSE3
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 29) & 1;  // SHA
}
#endif

void kankei_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
#if defined(__x86_64__)
    static int extensions = -1;
    if (extensions < 0) extensions = has_extensions() && !getenv("KANKEI_SHA256_PORTABLE");
    if (extensions) {
        extension_blocks(state, data, blocks);
        return;
    }
#endif
    portable_blocks(state, data, blocks);
}

void kankei_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks) {
    portable_blocks(state, data, blocks);
}
