#include "io/node_reader.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace redoubt {

namespace {

std::string Quoted(std::string_view text) { return fmt::format("'{}'", text); }

std::optional<double> ParseNumberText(std::string_view text) {
  if (text == ".inf" || text == "+.inf" || text == ".Inf") {
    return std::numeric_limits<double>::infinity();
  }
  if (text == "-.inf" || text == "-.Inf") return -std::numeric_limits<double>::infinity();
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return std::numeric_limits<double>::infinity();
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool WithinBounds(double value, const NumberBounds& bounds) {
  const bool below = bounds.exclusive_min ? !(value > bounds.min) : !(value >= bounds.min);
  return !below && !(value > bounds.max) && !(bounds.integer && std::floor(value) != value);
}

std::string DescribeBounds(const NumberBounds& bounds) {
  const bool has_min = std::isfinite(bounds.min);
  const bool has_max = std::isfinite(bounds.max);
  std::string kind = bounds.integer ? "a whole number" : "a number";
  if (has_min && has_max) {
    if (bounds.exclusive_min) {
      return fmt::format("use {} above {} and at most {}", kind, bounds.min, bounds.max);
    }
    return fmt::format("use {} from {} to {}", kind, bounds.min, bounds.max);
  }
  if (has_min) {
    return fmt::format("use {} {} {}", kind, bounds.exclusive_min ? "above" : "of at least",
                       bounds.min);
  }
  if (has_max) return fmt::format("use {} of at most {}", kind, bounds.max);
  return fmt::format("use {}", kind);
}


// What a value is called in messages ("'vendor' of element"); built only when
// a message is actually needed, since values are read millions of times.
struct Describe {
  std::string_view key;   // empty: `what` alone names the value
  std::string_view what;
  [[nodiscard]] std::string Text() const {
    return key.empty() ? std::string(what) : fmt::format("'{}' of {}", key, what);
  }
};

std::optional<std::string> ReadStringImpl(const Node& node, const SourceFile& source,
                                          Diagnostics& diagnostics, Describe describe) {
  if (node.type == Node::Type::kString || node.type == Node::Type::kNumber) {
    if (!IsStringValue(node.type, node.text)) {
      diagnostics.Error(source.LocationOf(node.offset),
                        fmt::format("{} is empty", describe.Text()),
                        "give a non-empty value or remove the key");
      return std::nullopt;
    }
    return node.text;
  }
  diagnostics.Error(source.LocationOf(node.offset),
                    fmt::format("{} must be a string, found {}", describe.Text(),
                                TypeName(node.type)),
                    "write a single word or quoted text");
  return std::nullopt;
}

std::optional<double> ReadNumberImpl(const Node& node, const SourceFile& source,
                                     Diagnostics& diagnostics, Describe describe,
                                     NumberBounds bounds) {
  if (node.type != Node::Type::kNumber) {
    diagnostics.Error(source.LocationOf(node.offset),
                      node.type == Node::Type::kString
                          ? fmt::format("{} must be a number, found string '{}'",
                                        describe.Text(), node.text)
                          : fmt::format("{} must be a number, found {}", describe.Text(),
                                        TypeName(node.type)),
                      DescribeBounds(bounds));
    return std::nullopt;
  }
  auto value = ParseNumberText(node.text);
  if (!value) {
    diagnostics.Error(source.LocationOf(node.offset),
                      fmt::format("{} is not a valid number: {}", describe.Text(), Quoted(node.text)),
                      DescribeBounds(bounds));
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    diagnostics.Error(source.LocationOf(node.offset),
                      fmt::format("{} must be a finite number, found {}", describe.Text(), node.text),
                      DescribeBounds(bounds));
    return std::nullopt;
  }
  if (!WithinBounds(*value, bounds)) {
    diagnostics.Error(source.LocationOf(node.offset),
                      fmt::format("{} is out of range: {}", describe.Text(), node.text),
                      DescribeBounds(bounds));
    return std::nullopt;
  }
  return value;
}

}  // namespace

MapReader::MapReader(const Node& node, const SourceFile& source, Diagnostics& diagnostics,
                     std::string what, std::initializer_list<std::string_view> keys)
    : MapReader(node, source, diagnostics, std::move(what),
                std::span<const std::string_view>(keys.begin(), keys.size())) {}

MapReader::MapReader(const Node& node, const SourceFile& source, Diagnostics& diagnostics,
                     std::string what, std::span<const std::string_view> keys)
    : node_(node), source_(source), diagnostics_(diagnostics), what_(std::move(what)) {
  if (node.type != Node::Type::kMap) {
    diagnostics_.Error(source_.LocationOf(node.offset),
                       fmt::format("{} must be a map, found {}", what_, TypeName(node.type)),
                       fmt::format("write the {} as key: value pairs", what_));
    return;
  }
  is_map_ = true;
  CheckKeys(keys);
}

void MapReader::CheckKeys(std::span<const std::string_view> keys) {
  for (const Field& field : node_.fields) {
    bool known = false;
    for (std::string_view key : keys) {
      if (key == field.key) {
        known = true;
        break;
      }
    }
    if (known) continue;
    diagnostics_.Error(source_.LocationOf(field.key_offset),
                       fmt::format("unknown key '{}' in {}", field.key, what_),
                       SuggestionHint(field.key, keys));
  }
}

const Node* MapReader::Get(std::string_view key, Need need) {
  if (!is_map_) return nullptr;
  const Node* value = node_.Find(key);
  if (value == nullptr && need == Need::kRequired) {
    diagnostics_.Error(source_.LocationOf(node_.offset),
                       fmt::format("{} is missing required key '{}'", what_, key),
                       fmt::format("add '{}: ...' to the {}", key, what_));
  }
  return value;
}

Location MapReader::LocationOfKey(std::string_view key) const {
  for (const Field& field : node_.fields) {
    if (field.key == key) return source_.LocationOf(field.key_offset);
  }
  return source_.LocationOf(node_.offset);
}

void MapReader::Error(const Node& at, std::string message, std::string hint) const {
  diagnostics_.Error(source_.LocationOf(at.offset), std::move(message), std::move(hint));
}

std::optional<std::string> MapReader::String(std::string_view key, Need need) {
  const Node* value = Get(key, need);
  if (value == nullptr) return std::nullopt;
  if (value->type == Node::Type::kNull && need == Need::kOptional) return std::nullopt;
  return ReadStringImpl(*value, source_, diagnostics_, Describe{key, what_});
}

std::optional<double> MapReader::Number(std::string_view key, Need need, NumberBounds bounds) {
  const Node* value = Get(key, need);
  if (value == nullptr) return std::nullopt;
  if (value->type == Node::Type::kNull && need == Need::kOptional) return std::nullopt;
  return ReadNumberImpl(*value, source_, diagnostics_, Describe{key, what_}, bounds);
}

std::optional<bool> MapReader::Bool(std::string_view key, Need need) {
  const Node* value = Get(key, need);
  if (value == nullptr) return std::nullopt;
  if (value->type != Node::Type::kBool) {
    Error(*value, fmt::format("'{}' of {} must be true or false, found {}", key, what_,
                              TypeName(value->type)),
          "write true or false");
    return std::nullopt;
  }
  return value->text == "true";
}

std::optional<Days> MapReader::Date(std::string_view key, Need need) {
  const Node* value = Get(key, need);
  if (value == nullptr) return std::nullopt;
  if (!value->IsScalar()) {
    Error(*value, fmt::format("'{}' of {} must be a date, found {}", key, what_,
                              TypeName(value->type)),
          "write an ISO 8601 date such as 2023-12-31");
    return std::nullopt;
  }
  auto days = ParseIsoDate(value->text);
  if (!days) {
    Error(*value, fmt::format("'{}' of {} is not a valid date: {}", key, what_,
                              Quoted(value->text)),
          "write an ISO 8601 date YYYY-MM-DD, such as 2023-12-31");
  }
  return days;
}

std::optional<std::vector<std::string>> MapReader::StringList(std::string_view key, Need need) {
  const Node* value = Get(key, need);
  if (value == nullptr) return std::nullopt;
  std::vector<std::string> out;
  if (value->IsSequence()) {
    bool all_ok = true;
    const std::string what = fmt::format("item of '{}' of {}", key, what_);
    for (const Node& item : value->items) {
      auto text = ReadStringImpl(item, source_, diagnostics_, Describe{{}, what});
      if (text) {
        out.push_back(std::move(*text));
      } else {
        all_ok = false;
      }
    }
    if (!all_ok) return std::nullopt;
    return out;
  }
  if (!value->IsScalar()) {
    Error(*value, fmt::format("'{}' of {} must be a list of strings, found {}", key, what_,
                              TypeName(value->type)),
          fmt::format("write it as {}: [a, b]", key));
    return std::nullopt;
  }
  auto text = ReadStringImpl(*value, source_, diagnostics_, Describe{key, what_});
  if (!text) return std::nullopt;
  out.push_back(std::move(*text));
  return out;
}

std::optional<std::size_t> MapReader::Choice(std::string_view key,
                                             std::span<const std::string_view> names, Need need) {
  auto text = String(key, need);
  if (!text) return std::nullopt;
  for (std::size_t index = 0; index < names.size(); ++index) {
    if (names[index] == *text) return index;
  }
  Error(*Get(key), fmt::format("'{}' is not a valid {} of {}", *text, key, what_),
        SuggestionHint(*text, names));
  return std::nullopt;
}


std::optional<std::string> ReadString(const Node& node, const SourceFile& source,
                                      Diagnostics& diagnostics, std::string_view what) {
  return ReadStringImpl(node, source, diagnostics, Describe{{}, what});
}

std::optional<double> ReadNumber(const Node& node, const SourceFile& source,
                                 Diagnostics& diagnostics, std::string_view what,
                                 NumberBounds bounds) {
  return ReadNumberImpl(node, source, diagnostics, Describe{{}, what}, bounds);
}

std::optional<double> NumberWithin(std::string_view text, NumberBounds bounds) {
  auto value = ParseNumberText(text);
  if (!value || !std::isfinite(*value) || !WithinBounds(*value, bounds)) return std::nullopt;
  return value;
}

bool CheckFormat(const Node* format, std::uint64_t document_offset, std::string_view expected,
                 const SourceFile& source, Diagnostics& diagnostics) {
  if (format == nullptr) {
    diagnostics.Error(source.LocationOf(document_offset), "missing 'format' key",
                      fmt::format("start the file with 'format: {}'", expected));
    return false;
  }
  if (format->type != Node::Type::kString || format->text != expected) {
    const std::string found = format->IsScalar() ? Quoted(format->text) : "a " + std::string(TypeName(format->type));
    const auto at = format->text.rfind('@');
    const bool same_kind = at != std::string::npos &&
                           std::string_view(format->text).substr(0, at) ==
                               expected.substr(0, expected.rfind('@'));
    diagnostics.Error(source.LocationOf(format->offset),
                      same_kind ? fmt::format("unsupported format version {}", found)
                                : fmt::format("wrong format {}", found),
                      same_kind ? fmt::format("this redoubt reads '{}'", expected)
                                : fmt::format("this file must say 'format: {}'", expected));
    return false;
  }
  return true;
}

}  // namespace redoubt
