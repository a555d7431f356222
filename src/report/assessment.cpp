#include "report/assessment.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "io/document.hpp"

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 6> kListKeys = {"members", "findings", "timeline",
                                                       "exposure", "resilience", "plan"};
constexpr std::array<std::string_view, 3> kDocumentKeys = {"inventory", "alliance", "sites"};

Json NumberJson(const std::string& text) {
  std::int64_t integer = 0;
  const char* end = text.data() + text.size();
  if (auto [ptr, ec] = std::from_chars(text.data(), end, integer); ec == std::errc{} && ptr == end) {
    return integer;
  }
  return std::strtod(text.c_str(), nullptr);
}

Json ToJson(const Node& node) {
  switch (node.type) {
    case Node::Type::kNull:
      return nullptr;
    case Node::Type::kBool:
      return node.text == "true";
    case Node::Type::kNumber:
      return NumberJson(node.text);
    case Node::Type::kString:
      return node.text;
    case Node::Type::kSequence: {
      Json list = Json::array();
      for (const Node& item : node.items) list.push_back(ToJson(item));
      return list;
    }
    case Node::Type::kMap: {
      Json map = Json::object();
      for (const Field& field : node.fields) map[field.key] = ToJson(field.value);
      return map;
    }
  }
  return nullptr;
}

void CheckOutline(const Node& root, const SourceFile& source, Diagnostics& diagnostics) {
  const Node* format = root.Find("format");
  if (format == nullptr) {
    diagnostics.Error({source.name(), 1, 1}, "missing 'format'",
                      fmt::format("an assessment starts with \"format\": \"{}\"; `redoubt assess` "
                                  "writes one",
                                  kAssessmentFormat));
  } else if (format->type != Node::Type::kString || format->text != kAssessmentFormat) {
    diagnostics.Error(source.LocationOf(format->offset),
                      fmt::format("expected format '{}', found '{}'", kAssessmentFormat,
                                  format->text),
                      "`redoubt report` renders the assessment.json written by `redoubt assess`");
  }
  for (std::string_view key : kListKeys) {
    const Node* value = root.Find(key);
    if (value != nullptr && value->type != Node::Type::kNull && !value->IsSequence()) {
      diagnostics.Error(source.LocationOf(value->offset),
                        fmt::format("'{}' must be a list, not a {}", key, TypeName(value->type)));
    }
  }
  for (std::string_view key : kDocumentKeys) {
    const Node* value = root.Find(key);
    if (value != nullptr && value->type != Node::Type::kNull && !value->IsMap()) {
      diagnostics.Error(source.LocationOf(value->offset),
                        fmt::format("'{}' must be a document (a map) or null, not a {}", key,
                                    TypeName(value->type)));
    }
  }
}

}  // namespace

Result<nlohmann::ordered_json> ReadAssessment(const SourceFile& source) {
  Diagnostics diagnostics;
  std::optional<Node> root = ParseTree(source, diagnostics);
  if (!root) return diagnostics;
  if (!root->IsMap()) {
    diagnostics.Error(source.LocationOf(root->offset), "an assessment must be a map",
                      "`redoubt assess` writes one");
    return diagnostics;
  }
  CheckOutline(*root, source, diagnostics);
  if (diagnostics.HasErrors()) return diagnostics;
  return Result<nlohmann::ordered_json>(ToJson(*root), std::move(diagnostics));
}

}  // namespace redoubt
