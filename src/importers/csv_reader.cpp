#include "importers/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"

namespace redoubt::importers {

std::optional<double> ParseNumber(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

CsvTable ReadCsv(const SourceFile& source, bool has_header, Diagnostics& diagnostics) {
  CsvTable table;
  // Text that is not UTF-8 is an error (the import is refused); the rows are
  // still read so that every other problem is reported too.
  CheckUtf8(source, diagnostics);
  const std::string_view text = source.text();
  std::size_t pos = 0;
  const std::size_t size = text.size();
  bool first = true;
  while (pos < size) {
    // Blank line (or a lone CR) — skip.
    if (text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < size && text[pos + 1] == '\n')) {
      pos += text[pos] == '\r' ? 2 : 1;
      continue;
    }
    CsvRow row;
    row.offset = pos;
    while (true) {
      CsvField field;
      field.offset = pos;
      if (pos < size && text[pos] == '"') {
        ++pos;
        bool closed = false;
        while (pos < size) {
          if (text[pos] == '"') {
            if (pos + 1 < size && text[pos + 1] == '"') {
              field.text += '"';
              pos += 2;
              continue;
            }
            closed = true;
            ++pos;
            break;
          }
          field.text += text[pos++];
        }
        if (!closed) {
          diagnostics.Error(source.LocationOf(field.offset), "unterminated quoted field",
                            "close the quote; a quote inside a quoted field is written \"\"");
          row.malformed = true;
          row.fields.push_back(std::move(field));
          break;
        }
        if (pos < size && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
          diagnostics.Error(source.LocationOf(pos), "text after a closing quote",
                            "quote the whole field, and write a quote inside it as \"\"");
          row.malformed = true;
          while (pos < size && text[pos] != ',' && text[pos] != '\n') field.text += text[pos++];
        }
      } else {
        while (pos < size && text[pos] != ',' && text[pos] != '\n') {
          if (text[pos] == '\r' && (pos + 1 == size || text[pos + 1] == '\n')) break;
          if (text[pos] == '"') {
            diagnostics.Error(source.LocationOf(pos), "quote inside an unquoted field",
                              "quote the whole field (\"...\") and double the quote inside it");
            row.malformed = true;
          }
          field.text += text[pos++];
        }
      }
      row.fields.push_back(std::move(field));
      if (pos < size && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < size && text[pos] == '\r') ++pos;
      if (pos < size && text[pos] == '\n') ++pos;
      break;
    }
    if (first && has_header) {
      table.header = std::move(row);
    } else {
      table.rows.push_back(std::move(row));
    }
    first = false;
  }
  return table;
}

CsvColumns::CsvColumns(const CsvTable& table, const SourceFile& source, Diagnostics& diagnostics,
                       std::span<const std::string_view> known,
                       std::span<const std::string_view> required)
    : source_(source), diagnostics_(diagnostics) {
  if (table.header.fields.empty()) {
    diagnostics_.Error(Location{source.name(), 1, 1}, "empty table: no header row",
                       fmt::format("the first row names the columns, e.g. {}",
                                   fmt::join(required, ",")));
    ok_ = false;
    return;
  }
  for (const CsvField& field : table.header.fields) {
    std::string name = field.text;
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      diagnostics_.Error(source.LocationOf(field.offset), fmt::format("unknown column '{}'", name),
                         SuggestionHint(name, known));
      ok_ = false;
    } else if (std::find(names_.begin(), names_.end(), name) != names_.end()) {
      diagnostics_.Error(source.LocationOf(field.offset), fmt::format("duplicate column '{}'", name),
                         "name each column once");
      ok_ = false;
    }
    names_.push_back(std::move(name));
  }
  for (std::string_view column : required) {
    if (std::find(names_.begin(), names_.end(), column) == names_.end()) {
      diagnostics_.Error(source.LocationOf(table.header.offset),
                         fmt::format("missing column '{}'", column),
                         fmt::format("add a '{}' column to the header row", column));
      ok_ = false;
    }
  }
}

bool CsvColumns::WidthOk(const CsvRow& row) const {
  if (row.malformed) return false;
  if (row.fields.size() == names_.size()) return true;
  diagnostics_.Error(source_.LocationOf(row.offset),
                     fmt::format("row has {} fields, the header has {}", row.fields.size(),
                                 names_.size()),
                     "give every row one field per column (quote fields holding commas)");
  return false;
}

const CsvField* CsvColumns::Get(const CsvRow& row, std::string_view column) const {
  const auto it = std::find(names_.begin(), names_.end(), column);
  if (it == names_.end()) return nullptr;
  const auto index = static_cast<std::size_t>(it - names_.begin());
  return index < row.fields.size() ? &row.fields[index] : nullptr;
}

std::optional<std::string_view> CsvColumns::Text(const CsvRow& row,
                                                 std::string_view column) const {
  const CsvField* field = Get(row, column);
  if (field == nullptr || field->text.empty()) return std::nullopt;
  return std::string_view(field->text);
}

std::optional<double> CsvColumns::Number(const CsvRow& row, std::string_view column, double min,
                                         double max) const {
  const CsvField* field = Get(row, column);
  if (field == nullptr || field->text.empty()) return std::nullopt;
  const auto value = ParseNumber(field->text);
  if (!value) {
    Error(*field, fmt::format("{} '{}' is not a number", column, field->text),
          "write a plain decimal number, e.g. 51.5072");
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    Error(*field, fmt::format("{} {} is out of range [{}, {}]", column, field->text, min, max),
          fmt::format("give a {} from {} to {}", column, min, max));
    return std::nullopt;
  }
  return value;
}

void CsvColumns::Error(const CsvField& field, std::string message, std::string hint) const {
  diagnostics_.Error(source_.LocationOf(field.offset), std::move(message), std::move(hint));
}

}  // namespace redoubt::importers
