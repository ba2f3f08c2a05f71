// The census of a stretch of survey rows (see include/kankei_census.h). Every byte goes through
// libcsv; the callbacks only hash, count and check, so no cell is copied unless it is new.
#include "kankei_census.h"
#include "kankei_ascii.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct {
    uint64_t hash;
    uint64_t count;
    uint64_t first;
    size_t offset;
    size_t length;
    int meaningful;           // AUTO columns: whether the cell says something
} entry;

typedef struct {
    uint8_t *bytes;
    size_t size, capacity;
} arena;

typedef struct {
    uint8_t kind;
    entry *entries;
    size_t entry_count, entry_capacity;
    uint32_t *slots;          // 0 = free, else entry index + 1
    size_t slot_mask;
    uint64_t occurrences;     // AUTO: cells with something in them
    uint64_t answered;
    size_t *text_offsets;
    size_t *text_lengths;
    size_t text_count;
    uint32_t *log;            // AUTO: the entries of the first keep_texts cells that say something
    size_t log_count;
    arena store;              // the column's distinct cells or kept texts
} column_census;

struct kankei_census {
    struct csv_parser parser;
    kankei_census_options options;
    uint8_t *cp932_single;
    uint8_t *cp932_double;
    column_census *columns;
    size_t stored;            // bytes in all the columns' stores
    size_t field;
    int nonblank;
    uint64_t records;
    uint64_t ordinal;
    int status;
};

// MARK: Text checks

static inline int is_space_scalar(uint32_t s) {
    return (s >= 0x09 && s <= 0x0D) || s == 0x20 || s == 0x85 || s == 0xA0 || s == 0x1680
        || (s >= 0x2000 && s <= 0x200A) || s == 0x2028 || s == 0x2029 || s == 0x202F || s == 0x205F
        || s == 0x3000;
}

// The scalar and length of the UTF-8 character at `p` (text already checked to be UTF-8).
static inline size_t utf8_scalar(const uint8_t *p, uint32_t *scalar) {
    uint8_t b = p[0];
    if (b < 0x80) { *scalar = b; return 1; }
    if (b < 0xE0) { *scalar = ((uint32_t)(b & 0x1F) << 6) | (p[1] & 0x3F); return 2; }
    if (b < 0xF0) { *scalar = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F); return 3; }
    *scalar = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
}

// The length of the CP932 character at p[0..<n]; 0 when it is none.
static inline size_t cp932_length(const kankei_census *c, const uint8_t *p, size_t n) {
    if (c->cp932_single[p[0]]) return 1;
    if (n < 2) return 0;
    unsigned code = ((unsigned)p[0] << 8) | p[1];
    return (c->cp932_double[code >> 3] & (1u << (code & 7))) ? 2 : 0;
}

// The length of the white-space character at p[0..<n] (0 when it is not one); `p` valid text.
static inline size_t space_at(const kankei_census *c, const uint8_t *p, size_t n) {
    if (p[0] < 0x80) return ((p[0] >= 0x09 && p[0] <= 0x0D) || p[0] == 0x20) ? 1 : 0;
    if (c->options.encoding == KANKEI_TEXT_CP932) return (n >= 2 && p[0] == 0x81 && p[1] == 0x40) ? 2 : 0;
    uint32_t scalar;
    size_t length = utf8_scalar(p, &scalar);
    return is_space_scalar(scalar) ? length : 0;
}

static int is_text(const kankei_census *c, const uint8_t *p, size_t n);

// 1 when the cell says something (after trimming white space it is neither empty nor `--`),
// 0 when it does not, -1 when its bytes are not text.
static int meaningful(const kankei_census *c, const uint8_t *p, size_t n) {
    if (!is_text(c, p, n)) return -1;
    size_t start = 0, skip;
    while (start < n && (skip = space_at(c, p + start, n - start))) start += skip;
    if (start == n) return 0;
    size_t end = n;
    if (c->options.encoding == KANKEI_TEXT_CP932) {
        // A CP932 character cannot be found from its end; scan forward when the end may be white space.
        uint8_t last = p[n - 1];
        if ((last >= 0x09 && last <= 0x0D) || last == 0x20 || last == 0x40) {
            size_t at = start;
            while (at < n) {
                size_t space = space_at(c, p + at, n - at);
                size_t length = space ? space : cp932_length(c, p + at, n - at);
                if (!space) end = at + length;
                at += length;
            }
        }
    } else {
        for (;;) {
            size_t at = end - 1;
            while (at > start && (p[at] & 0xC0) == 0x80) at--;
            size_t space = space_at(c, p + at, end - at);
            if (!space) break;
            end = at;
        }
    }
    return !(end - start == 2 && p[start] == '-' && p[start + 1] == '-');
}

static int is_text(const kankei_census *c, const uint8_t *p, size_t n) {
    if (c->options.encoding != KANKEI_TEXT_CP932) return kankei_utf8_valid(p, n);
    size_t at = 0;
    while (at < n) {
        at = kankei_skip_ascii(p, at, n);
        if (at >= n) break;
        if (p[at] < 0x80) { at++; continue; }
        size_t length = cp932_length(c, p + at, n - at);
        if (length == 0) return 0;
        at += length;
    }
    return 1;
}

// MARK: Storage

static int become_texts(kankei_census *c, column_census *col);

// Makes room for `n` more stored bytes: AUTO columns that hold values become TEXTS, the largest
// first. 0 when there is no room.
static int make_room(kankei_census *c, size_t n) {
    while (c->stored + n > c->options.max_stored_bytes) {
        column_census *largest = NULL;
        for (size_t i = 0; i < c->options.columns; i++) {
            column_census *col = &c->columns[i];
            if (col->kind == KANKEI_COLUMN_AUTO && (!largest || col->store.size > largest->store.size)) largest = col;
        }
        if (!largest || !largest->store.size) {
            c->status = KANKEI_CENSUS_TOO_MANY_VALUES;
            return 0;
        }
        if (!become_texts(c, largest)) return 0;
    }
    return 1;
}

// Appends `n` bytes to `store` (no limit checked); the offset, SIZE_MAX without memory.
static size_t append(kankei_census *c, arena *store, const uint8_t *p, size_t n) {
    if (store->size + n > store->capacity) {
        size_t capacity = store->capacity ? store->capacity : 1 << 12;
        while (capacity < store->size + n) capacity *= 2;
        uint8_t *grown = realloc(store->bytes, capacity);
        if (!grown) {
            c->status = KANKEI_CENSUS_NO_MEMORY;
            return SIZE_MAX;
        }
        store->bytes = grown;
        store->capacity = capacity;
    }
    size_t offset = store->size;
    if (n) memcpy(store->bytes + offset, p, n);
    store->size += n;
    c->stored += n;
    return offset;
}

// Keeps `n` bytes in the column's store, within the census's limit; the offset, SIZE_MAX when
// the census gives up.
static size_t store(kankei_census *c, column_census *col, const uint8_t *p, size_t n) {
    if (!make_room(c, n)) return SIZE_MAX;
    return append(c, &col->store, p, n);
}

// 64 × 64 → 128-bit multiply, folded: the mixing step of wyhash.
static inline uint64_t mix(uint64_t a, uint64_t b) {
    __uint128_t product = (__uint128_t)a * b;
    return (uint64_t)product ^ (uint64_t)(product >> 64);
}

// A hash of the cell for the column's table (only ever compared within one census): 16 bytes per
// multiply, in the manner of wyhash.
static inline uint64_t hash_bytes(const uint8_t *p, size_t n) {
    const uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull;
    uint64_t seed = k0 ^ n;
    while (n > 16) {
        uint64_t a, b;
        memcpy(&a, p, 8);
        memcpy(&b, p + 8, 8);
        seed = mix(a ^ k1, b ^ seed);
        p += 16;
        n -= 16;
    }
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, p, 8);
        memcpy(&b, p + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, p, 4);
        memcpy(&y, p + n - 4, 4);
        a = x;
        b = y;
    } else if (n > 0) {
        a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
    }
    return mix(a ^ k1, b ^ seed);
}

// Whether two cells of `n` bytes are the same; short ones compared in place.
static inline int same_bytes(const uint8_t *x, const uint8_t *y, size_t n) {
    if (n >= 8 && n <= 16) {
        uint64_t a, b, c, d;
        memcpy(&a, x, 8);
        memcpy(&b, y, 8);
        memcpy(&c, x + n - 8, 8);
        memcpy(&d, y + n - 8, 8);
        return a == b && c == d;
    }
    return memcmp(x, y, n) == 0;
}

static int grow_slots(column_census *col) {
    size_t capacity = col->slot_mask ? (col->slot_mask + 1) * 2 : 64;
    uint32_t *slots = calloc(capacity, sizeof *slots);
    if (!slots) return 0;
    for (size_t i = 0; i < col->entry_count; i++) {
        size_t slot = col->entries[i].hash & (capacity - 1);
        while (slots[slot]) slot = (slot + 1) & (capacity - 1);
        slots[slot] = (uint32_t)(i + 1);
    }
    free(col->slots);
    col->slots = slots;
    col->slot_mask = capacity - 1;
    return 1;
}

static int keep_text_arrays(kankei_census *c, column_census *col) {
    if (!c->options.keep_texts || col->text_offsets) return 1;
    col->text_offsets = malloc(c->options.keep_texts * sizeof(size_t));
    col->text_lengths = malloc(c->options.keep_texts * sizeof(size_t));
    if (col->text_offsets && col->text_lengths) return 1;
    c->status = KANKEI_CENSUS_NO_MEMORY;
    return 0;
}

// The cells of an AUTO column's values that say something.
static uint64_t answered_values(const column_census *col) {
    uint64_t answered = 0;
    for (size_t i = 0; i < col->entry_count; i++) {
        if (col->entries[i].meaningful) answered += col->entries[i].count;
    }
    return answered;
}

// An AUTO column turns out to be free text: its cells that say something are counted, the logged
// ones kept in a store of their own, and its distinct cells let go. The kept texts may repeat a
// cell, so they can take more room than the distinct cells gave back: other AUTO columns make it.
static int become_texts(kankei_census *c, column_census *col) {
    if (!keep_text_arrays(c, col)) return 0;
    size_t kept_bytes = 0;
    for (size_t i = 0; i < col->log_count; i++) kept_bytes += col->entries[col->log[i]].length;
    if (kept_bytes > col->store.size) {
        col->kind = KANKEI_COLUMN_TEXTS;   // while room is made, this column is not asked for it
        int room = make_room(c, kept_bytes - col->store.size);
        col->kind = KANKEI_COLUMN_AUTO;
        if (!room) return 0;
    }
    arena kept = {0};
    for (size_t i = 0; i < col->log_count; i++) {
        const entry *e = &col->entries[col->log[i]];
        size_t offset = append(c, &kept, col->store.bytes + e->offset, e->length);
        if (offset == SIZE_MAX) {
            c->stored -= kept.size;
            free(kept.bytes);
            return 0;
        }
        col->text_offsets[i] = offset;
        col->text_lengths[i] = e->length;
    }
    uint64_t answered = answered_values(col);
    c->stored -= col->store.size;
    free(col->store.bytes);
    free(col->entries);
    free(col->slots);
    free(col->log);
    col->store = kept;
    col->text_count = col->log_count;
    col->answered = answered;
    col->entries = NULL;
    col->slots = NULL;
    col->log = NULL;
    col->entry_count = col->entry_capacity = col->slot_mask = col->log_count = 0;
    col->kind = KANKEI_COLUMN_TEXTS;
    return 1;
}

// The entry holding the cell, added when new; SIZE_MAX when the census gives up.
static size_t find_or_add(kankei_census *c, column_census *col, const uint8_t *p, size_t n) {
    uint64_t hash = hash_bytes(p, n);
    if (col->slot_mask) {
        size_t slot = hash & col->slot_mask;
        while (col->slots[slot]) {
            size_t index = col->slots[slot] - 1;
            entry *e = &col->entries[index];
            if (e->hash == hash && e->length == n && same_bytes(col->store.bytes + e->offset, p, n)) {
                e->count++;
                return index;
            }
            slot = (slot + 1) & col->slot_mask;
        }
    }
    // A new cell: check it is text, keep it.
    int says = 1;
    if (col->kind == KANKEI_COLUMN_AUTO) {
        says = meaningful(c, p, n);
    } else if (!is_text(c, p, n)) {
        says = -1;
    }
    if (says < 0) {
        c->status = KANKEI_CENSUS_NOT_TEXT;
        return SIZE_MAX;
    }
    if ((col->entry_count + 1) * 2 > col->slot_mask + 1 && !grow_slots(col)) {
        c->status = KANKEI_CENSUS_NO_MEMORY;
        return SIZE_MAX;
    }
    if (col->entry_count == col->entry_capacity) {
        size_t capacity = col->entry_capacity ? col->entry_capacity * 2 : 16;
        entry *grown = realloc(col->entries, capacity * sizeof *grown);
        if (!grown) {
            c->status = KANKEI_CENSUS_NO_MEMORY;
            return SIZE_MAX;
        }
        col->entries = grown;
        col->entry_capacity = capacity;
    }
    // Making room may turn this very column into texts: then the cell is no value.
    if (!make_room(c, n) || col->kind == KANKEI_COLUMN_TEXTS) return SIZE_MAX;
    size_t offset = append(c, &col->store, p, n);
    if (offset == SIZE_MAX) return SIZE_MAX;
    col->entries[col->entry_count] = (entry){hash, 1, c->ordinal, offset, n, says};
    size_t slot = hash & col->slot_mask;
    while (col->slots[slot]) slot = (slot + 1) & col->slot_mask;
    col->slots[slot] = (uint32_t)(++col->entry_count);
    return col->entry_count - 1;
}

static void count_text(kankei_census *c, column_census *col, const uint8_t *p, size_t n) {
    int says = meaningful(c, p, n);
    if (says < 0) {
        c->status = KANKEI_CENSUS_NOT_TEXT;
        return;
    }
    if (!says) return;
    col->answered++;
    if (col->text_count >= c->options.keep_texts) return;
    size_t offset = store(c, col, p, n);
    if (offset == SIZE_MAX) return;
    col->text_offsets[col->text_count] = offset;
    col->text_lengths[col->text_count] = n;
    col->text_count++;
}

static void count_auto(kankei_census *c, column_census *col, const uint8_t *p, size_t n) {
    col->occurrences++;
    size_t index = find_or_add(c, col, p, n);
    if (index == SIZE_MAX) {
        // The cell did not fit as a value and the column became texts to make room: count it as text.
        if (!c->status && col->kind == KANKEI_COLUMN_TEXTS) count_text(c, col, p, n);
        return;
    }
    if (col->log_count < c->options.keep_texts && col->entries[index].meaningful) col->log[col->log_count++] = (uint32_t)index;
    if (col->entry_count >= c->options.auto_values && col->entry_count * 8 > col->occurrences) become_texts(c, col);
}

// MARK: libcsv callbacks

static void on_field(void *data, size_t length, void *context) {
    kankei_census *c = context;
    if (c->status) return;
    const uint8_t *p = data;
    size_t index = c->field++;
    if (length > c->options.max_cell_bytes) {
        c->status = KANKEI_CENSUS_CELL_TOO_LARGE;
        return;
    }
    if (!c->nonblank) {
        for (size_t i = 0; i < length; i++) {
            if (p[i] != ' ' && p[i] != '\t') { c->nonblank = 1; break; }
        }
    }
    if (index >= c->options.columns) {
        if (index >= c->options.max_fields || meaningful(c, p, length) != 0) c->status = KANKEI_CENSUS_EXTRA_CELL;
        return;
    }
    column_census *col = &c->columns[index];
    switch (col->kind) {
    case KANKEI_COLUMN_VALUES:
        if (length) find_or_add(c, col, p, length);
        break;
    case KANKEI_COLUMN_TEXTS:
        if (length) count_text(c, col, p, length);
        break;
    case KANKEI_COLUMN_AUTO:
        if (length) count_auto(c, col, p, length);
        break;
    default:
        if (!is_text(c, p, length)) c->status = KANKEI_CENSUS_NOT_TEXT;
        break;
    }
}

static void on_record(int terminator, void *context) {
    (void)terminator;
    kankei_census *c = context;
    if (c->field > 0) {
        if (c->nonblank) c->records++;
        c->ordinal++;
    }
    c->field = 0;
    c->nonblank = 0;
}

// MARK: Life cycle

kankei_census *kankei_census_new(const kankei_census_options *options) {
    kankei_census *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->options = *options;
    c->options.kinds = NULL;   // the caller's; each column keeps its own kind
    c->columns = calloc(options->columns ? options->columns : 1, sizeof *c->columns);
    if (!c->columns || csv_init(&c->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        free(c->columns);
        free(c);
        return NULL;
    }
    csv_set_delim(&c->parser, options->delimiter);
    csv_set_blk_size(&c->parser, 4096);
    if (options->encoding == KANKEI_TEXT_CP932) {
        c->cp932_single = malloc(256);
        c->cp932_double = malloc(8192);
        if (c->cp932_single && c->cp932_double) {
            memcpy(c->cp932_single, options->cp932_single, 256);
            memcpy(c->cp932_double, options->cp932_double, 8192);
        } else {
            c->status = KANKEI_CENSUS_NO_MEMORY;
        }
    }
    for (size_t i = 0; i < options->columns; i++) {
        column_census *col = &c->columns[i];
        col->kind = options->kinds[i];
        if (col->kind == KANKEI_COLUMN_TEXTS) keep_text_arrays(c, col);
        if (col->kind == KANKEI_COLUMN_AUTO && options->keep_texts) {
            col->log = malloc(options->keep_texts * sizeof *col->log);
            if (!col->log) c->status = KANKEI_CENSUS_NO_MEMORY;
        }
    }
    return c;
}

void kankei_census_free(kankei_census *c) {
    if (!c) return;
    csv_free(&c->parser);
    for (size_t i = 0; i < c->options.columns; i++) {
        free(c->columns[i].entries);
        free(c->columns[i].slots);
        free(c->columns[i].text_offsets);
        free(c->columns[i].text_lengths);
        free(c->columns[i].log);
        free(c->columns[i].store.bytes);
    }
    free(c->columns);
    free(c->cp932_single);
    free(c->cp932_double);
    free(c);
}

int kankei_census_feed(kankei_census *c, const void *bytes, size_t length) {
    if (c->status) return c->status;
    if (csv_parse(&c->parser, bytes, length, on_field, on_record, c) != length && !c->status) c->status = KANKEI_CENSUS_PARSE;
    if (!c->status && csv_get_buffer_size(&c->parser) > c->options.max_cell_bytes) c->status = KANKEI_CENSUS_CELL_TOO_LARGE;
    return c->status;
}

int kankei_census_finish(kankei_census *c) {
    if (c->status) return c->status;
    if (csv_fini(&c->parser, on_field, on_record, c) != 0 && !c->status) c->status = KANKEI_CENSUS_PARSE;
    return c->status;
}

// MARK: Results

uint64_t kankei_census_records(const kankei_census *c) { return c->records; }

int kankei_census_has_values(const kankei_census *c, size_t column) {
    uint8_t kind = c->columns[column].kind;
    return kind == KANKEI_COLUMN_VALUES || kind == KANKEI_COLUMN_AUTO;
}

size_t kankei_census_value_count(const kankei_census *c, size_t column) { return c->columns[column].entry_count; }

void kankei_census_value(const kankei_census *c, size_t column, size_t index,
                         const uint8_t **bytes, size_t *length, uint64_t *count, uint64_t *first) {
    const column_census *col = &c->columns[column];
    const entry *e = &col->entries[index];
    *bytes = col->store.bytes + e->offset;
    *length = e->length;
    *count = e->count;
    *first = e->first;
}

uint64_t kankei_census_answered(const kankei_census *c, size_t column) {
    const column_census *col = &c->columns[column];
    return col->kind == KANKEI_COLUMN_AUTO ? answered_values(col) : col->answered;
}

size_t kankei_census_text_count(const kankei_census *c, size_t column) {
    const column_census *col = &c->columns[column];
    return col->kind == KANKEI_COLUMN_AUTO ? col->log_count : col->text_count;
}

void kankei_census_text(const kankei_census *c, size_t column, size_t index, const uint8_t **bytes, size_t *length) {
    const column_census *col = &c->columns[column];
    if (col->kind == KANKEI_COLUMN_AUTO) {
        const entry *e = &col->entries[col->log[index]];
        *bytes = col->store.bytes + e->offset;
        *length = e->length;
        return;
    }
    *bytes = col->store.bytes + col->text_offsets[index];
    *length = col->text_lengths[index];
}

// MARK: Row boundaries

size_t kankei_count_byte(const void *bytes, size_t length, uint8_t byte) {
    const uint8_t *p = bytes;
    size_t count = 0, i = 0;
#if defined(__SSE2__)
    const __m128i wanted = _mm_set1_epi8((char)byte);
    for (; i + 16 <= length; i += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(p + i));
        count += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, wanted)));
    }
#endif
    for (; i < length; i++) count += p[i] == byte;
    return count;
}

size_t kankei_next_row_start(const void *bytes, size_t length, int *in_quotes) {
    const uint8_t *p = bytes;
    int quoted = *in_quotes;
    for (size_t i = 0; i < length; i++) {
        if (p[i] == '"') {
            quoted = !quoted;
        } else if (p[i] == '\n' && !quoted) {
            *in_quotes = 0;
            return i + 1;
        }
    }
    *in_quotes = quoted;
    return length;
}
