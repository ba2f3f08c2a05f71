#ifndef KANKEI_CENSUS_H
#define KANKEI_CENSUS_H

#include <stddef.h>
#include <stdint.h>

/// A census of one stretch of a survey export's rows, parsed by libcsv: for each column, every
/// distinct cell with how often it occurs (and the first record it occurs in), or, for free-text
/// columns, how many cells say something and the first few of them. Nothing is kept per row, so
/// memory grows with distinct answers, not with the export. Several censuses run side by side on
/// stretches that start on row boundaries, and their results are merged in file order.
///
/// The census never explains a problem: on anything unusual (a libcsv error, bytes that are not
/// text in the encoding, a cell past the header's columns, too many distinct cells) it stops with
/// a status, and the caller reads the stretch again row by row, which says exactly what is wrong.
typedef struct kankei_census kankei_census;

enum {
    KANKEI_COLUMN_IGNORE = 0,   /// only checked to be text (submission times, personal columns)
    KANKEI_COLUMN_VALUES = 1,   /// every distinct cell counted
    KANKEI_COLUMN_TEXTS = 2,    /// cells that say something counted, the first few kept
    /// Not known yet (the census runs while the first rows are still being read): counted as
    /// values, with the first few cells that say something logged, until the column shows itself
    /// to be free text (many distinct cells, mostly different); then it becomes TEXTS. Either way
    /// it can be read as texts at the end; as values only while it stayed values.
    KANKEI_COLUMN_AUTO = 3,
};

enum {
    KANKEI_TEXT_UTF8 = 0,
    KANKEI_TEXT_CP932 = 1,      /// parsed as the file's own bytes: CSV's ASCII never occurs inside a CP932 character
};

enum {
    KANKEI_CENSUS_OK = 0,
    KANKEI_CENSUS_PARSE = 1,           /// libcsv refused the bytes
    KANKEI_CENSUS_NOT_TEXT = 2,        /// bytes that are not text in the encoding
    KANKEI_CENSUS_EXTRA_CELL = 3,      /// a cell with something in it past the header's columns
    KANKEI_CENSUS_TOO_MANY_VALUES = 4, /// more distinct cells than allowed
    KANKEI_CENSUS_CELL_TOO_LARGE = 5,  /// a cell larger than allowed
    KANKEI_CENSUS_NO_MEMORY = 6,
};

typedef struct {
    /// One kind per header column.
    const uint8_t *kinds;
    size_t columns;
    int encoding;
    /// For CP932: 256 bytes, nonzero where a single byte is a character; and 8,192 bytes, one bit
    /// per two-byte code (lead << 8 | trail), set where it is a character.
    const uint8_t *cp932_single;
    const uint8_t *cp932_double;
    unsigned char delimiter;
    /// Free-text cells kept per column, in row order.
    size_t keep_texts;
    /// Bytes of distinct cells and kept texts allowed in all, before the census gives up. (An
    /// AUTO column that holds values becomes TEXTS to make room, the largest first.)
    size_t max_stored_bytes;
    /// Distinct cells an AUTO column holds before it may become TEXTS (when at least one in eight
    /// of its cells is new).
    size_t auto_values;
    size_t max_cell_bytes;
    size_t max_fields;
} kankei_census_options;

kankei_census *kankei_census_new(const kankei_census_options *options);
void kankei_census_free(kankei_census *census);
/// Parses the next bytes; returns a status (KANKEI_CENSUS_OK to go on).
int kankei_census_feed(kankei_census *census, const void *bytes, size_t length);
/// Ends the stretch (its last record need not end with a line break).
int kankei_census_finish(kankei_census *census);

/// Records that are not blank (a blank one holds only spaces and tabs): the respondents.
uint64_t kankei_census_records(const kankei_census *census);
/// 1 when `column`'s distinct cells were counted (VALUES, or AUTO that stayed values).
int kankei_census_has_values(const kankei_census *census, size_t column);
size_t kankei_census_value_count(const kankei_census *census, size_t column);
/// The `index`-th distinct cell of `column` (in no particular order), with its count and the
/// ordinal of the first record holding it (records counted from 0, blank ones included).
void kankei_census_value(const kankei_census *census, size_t column, size_t index,
                         const uint8_t **bytes, size_t *length, uint64_t *count, uint64_t *first);
/// Free-text cells of `column` that say something (not empty, not only white space, not `--`);
/// with the two below, for TEXTS and AUTO columns (the first `keep_texts` of them, in row order).
uint64_t kankei_census_answered(const kankei_census *census, size_t column);
size_t kankei_census_text_count(const kankei_census *census, size_t column);
void kankei_census_text(const kankei_census *census, size_t column, size_t index, const uint8_t **bytes, size_t *length);

/// 1 when `bytes` is valid UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF): with
/// SSSE3 when the CPU has it, 16 bytes at a time; `_portable` always byte by byte.
int kankei_utf8_valid(const void *bytes, size_t length);
int kankei_utf8_valid_portable(const void *bytes, size_t length);

/// The number of `byte`s in `bytes`.
size_t kankei_count_byte(const void *bytes, size_t length, uint8_t byte);
/// The offset just after the first line feed outside quotes, `*in_quotes` telling whether
/// `bytes` starts inside a quoted field (updated as it scans); `length` when there is none.
size_t kankei_next_row_start(const void *bytes, size_t length, int *in_quotes);

#endif
