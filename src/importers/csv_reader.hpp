// A small RFC 4180 CSV reader that keeps the byte offset of every field, so
// importers can report `file:line:col` for a bad value.
//
// Accepts LF or CRLF line ends, quoted fields with "" for a quote, quoted
// line breaks; skips blank lines. Reports (and recovers from) a quote inside
// an unquoted field, text after a closing quote, and an unterminated quote.
// O(size) time; the table holds the text of every field.
//
// (libcsv, the Debian package, gives no positions; the whole reader is
// smaller than the code to recover them.)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"

namespace redoubt::importers {

struct CsvField {
  std::string text;
  std::uint64_t offset = 0;  // of the first byte (the opening quote when quoted)
};

struct CsvRow {
  std::vector<CsvField> fields;
  std::uint64_t offset = 0;
  bool malformed = false;  // a quoting error was reported; importers skip the row
};

struct CsvTable {
  std::vector<CsvRow> rows;  // without the header row when one was read
  CsvRow header;
};

[[nodiscard]] CsvTable ReadCsv(const SourceFile& source, bool has_header,
                               Diagnostics& diagnostics);

// Column access by name for a table with a header: checks that every
// required column is there and every column is known ("did you mean").
class CsvColumns {
 public:
  CsvColumns(const CsvTable& table, const SourceFile& source, Diagnostics& diagnostics,
             std::span<const std::string_view> known, std::span<const std::string_view> required);
  [[nodiscard]] bool ok() const { return ok_; }
  // False (and reported) when the row's width differs from the header's;
  // false without a report for a malformed row (already reported).
  // The field of `column` in `row`, or nullptr when the column is absent or
  // the row is short (rows of the wrong width are reported once).
  [[nodiscard]] const CsvField* Get(const CsvRow& row, std::string_view column) const;
  // Non-empty text of a column, or nullopt.
  [[nodiscard]] std::optional<std::string_view> Text(const CsvRow& row,
                                                     std::string_view column) const;
  // A number in [min, max]; reports a bad one. nullopt when empty or bad.
  std::optional<double> Number(const CsvRow& row, std::string_view column, double min,
                               double max) const;
  void Error(const CsvField& field, std::string message, std::string hint = {}) const;
  [[nodiscard]] bool WidthOk(const CsvRow& row) const;

 private:
  const SourceFile& source_;
  Diagnostics& diagnostics_;
  std::vector<std::string> names_;
  bool ok_ = true;
};

// Parses a number strictly (the whole text, finite); nullopt otherwise.
[[nodiscard]] std::optional<double> ParseNumber(std::string_view text);

}  // namespace redoubt::importers
