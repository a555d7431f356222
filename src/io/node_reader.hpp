// MapReader: reads one map of a document tree against the keys it may hold,
// turning every problem into a diagnostic with file:line:col and a hint.
//
// Unknown keys are errors with a "did you mean" for near misses: a typo in a
// rule or a record must never be silently ignored.
//
//   MapReader element(node, source, diagnostics, "element", {"id", "kind", "vendor"});
//   auto id = element.String("id", Need::kRequired);
//   auto weight = element.Number("weight", Need::kOptional, {.min = 0});
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "core/text.hpp"
#include "io/document.hpp"

namespace redoubt {

enum class Need : std::uint8_t { kOptional, kRequired };

struct NumberBounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool integer = false;
  bool exclusive_min = false;  // value must be > min rather than >= min
};

class MapReader {
 public:
  MapReader(const Node& node, const SourceFile& source, Diagnostics& diagnostics,
            std::string what, std::initializer_list<std::string_view> keys);
  MapReader(const Node& node, const SourceFile& source, Diagnostics& diagnostics,
            std::string what, std::span<const std::string_view> keys);

  // False when the node was not a map (already reported).
  [[nodiscard]] bool ok() const { return is_map_; }
  [[nodiscard]] const Node& node() const { return node_; }
  [[nodiscard]] const std::string& what() const { return what_; }

  // The value of `key`, or nullptr. With kRequired a missing key is reported.
  const Node* Get(std::string_view key, Need need = Need::kOptional);

  // Typed values; nullopt when absent or wrong (a wrong value is reported).
  // Numbers given where a string is expected are taken as their literal text.
  std::optional<std::string> String(std::string_view key, Need need = Need::kOptional);
  std::optional<double> Number(std::string_view key, Need need = Need::kOptional,
                               NumberBounds bounds = {});
  std::optional<bool> Bool(std::string_view key, Need need = Need::kOptional);
  std::optional<Days> Date(std::string_view key, Need need = Need::kOptional);
  // A string, or a list of strings (a single string reads as a list of one).
  std::optional<std::vector<std::string>> StringList(std::string_view key,
                                                     Need need = Need::kOptional);
  // One of `names`; the index in `names`.
  std::optional<std::size_t> Choice(std::string_view key, std::span<const std::string_view> names,
                                    Need need = Need::kOptional);

  [[nodiscard]] Location LocationOf(const Node& node) const {
    return source_.LocationOf(node.offset);
  }
  [[nodiscard]] Location LocationOfKey(std::string_view key) const;

  void Error(const Node& at, std::string message, std::string hint = {}) const;

 private:
  void CheckKeys(std::span<const std::string_view> keys);

  const Node& node_;
  const SourceFile& source_;
  Diagnostics& diagnostics_;
  std::string what_;
  bool is_map_ = false;
};

// Free-standing checks for values that are not read through a MapReader.
std::optional<std::string> ReadString(const Node& node, const SourceFile& source,
                                      Diagnostics& diagnostics, std::string_view what);
std::optional<double> ReadNumber(const Node& node, const SourceFile& source,
                                 Diagnostics& diagnostics, std::string_view what,
                                 NumberBounds bounds = {});

// The predicates behind MapReader's checks, for readers that take a value
// without a Node (io/direct_records.hpp): each says whether MapReader would
// accept the value without a word.
//
// A string value: non-empty text, or a number (taken as its literal text).
[[nodiscard]] inline bool IsStringValue(Node::Type type, std::string_view text) {
  return (type == Node::Type::kString && !text.empty()) || type == Node::Type::kNumber;
}
// The value of the number literal `text` when it is finite and within
// `bounds`; nullopt where MapReader::Number would report it.
[[nodiscard]] std::optional<double> NumberWithin(std::string_view text, NumberBounds bounds);

// The format line every redoubt file starts with: checks `format:` equals
// `expected` (e.g. "redoubt/inventory@1") and reports a wrong or missing one.
bool CheckFormat(const Node* format, std::uint64_t document_offset, std::string_view expected,
                 const SourceFile& source, Diagnostics& diagnostics);

}  // namespace redoubt
