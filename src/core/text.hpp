// Small text helpers shared by readers: "did you mean" suggestions, ISO 8601
// dates, and ISO 3166-1 alpha-2 country codes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace redoubt {

// Levenshtein distance, O(|a|·|b|) time, O(|b|) memory.
[[nodiscard]] std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo
// (distance ≤ max(1, |word|/3)); ties go to the earliest candidate. A word
// longer than 256 bytes gets none, so one suggestion costs at most
// O(candidates · 256 · 85), however long the word.
[[nodiscard]] std::optional<std::string_view> ClosestMatch(
    std::string_view word, std::span<const std::string_view> candidates);

// "did you mean 'x'?" or, with no close candidate, "expected one of: a, b, c".
[[nodiscard]] std::string SuggestionHint(std::string_view word,
                                         std::span<const std::string_view> candidates);

// The byte offset of the first sequence in `text` that is not well-formed
// UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF),
// or nullopt when all of it is. O(size), ASCII runs at a word at a time.
[[nodiscard]] std::optional<std::size_t> FirstInvalidUtf8(std::string_view text);
// The length of the ill-formed sequence at `offset` (1 to 3 bytes: the
// maximal part that could have started a character, at least the first byte).
[[nodiscard]] std::size_t InvalidUtf8Length(std::string_view text, std::size_t offset);

// `text` with each ASCII control character (0x00-0x1F, 0x7F) written as an
// escape: \n, \r, \t and \xHH, so that a value echoed from a file can
// never start a line of its own (a forged "file:line:col: error" on stderr).
// Other bytes, UTF-8 included, are kept. O(size).
[[nodiscard]] std::string EscapeControlCharacters(std::string_view text);

// `text` if it has at most `limit` bytes; otherwise its first and last parts
// (four fifths and one fifth of `limit`, cut at UTF-8 character boundaries)
// around " … [N bytes left out] … ", so that a megabyte value echoed from a
// file cannot flood a terminal or a diagnostics document. O(limit).
[[nodiscard]] std::string AbbreviateMiddle(std::string_view text, std::size_t limit);

// A calendar date as days since 1970-01-01 (proleptic Gregorian).
using Days = std::int32_t;
inline constexpr Days kNoDate = INT32_MIN;

// Parses "YYYY-MM-DD" strictly (valid month and day). nullopt if malformed.
[[nodiscard]] std::optional<Days> ParseIsoDate(std::string_view text);
[[nodiscard]] std::string FormatIsoDate(Days days);
// Today's date in UTC, from the system clock: the one place that reads it
// (policy/judged_date.hpp says when a command falls back to it).
[[nodiscard]] Days Today();

// True for an officially assigned ISO 3166-1 alpha-2 code ("GB", not "UK").
[[nodiscard]] bool IsCountryCode(std::string_view text);
// How to fix a bad country code ("UK" → GB, "gb" → GB, else the rule).
[[nodiscard]] std::string CountryHint(std::string_view text);

}  // namespace redoubt
