// A format-neutral document tree with source positions, read from JSON or YAML.
//
// Every input format of redoubt (inventory, standard, scenario, alliance) is
// "JSON and YAML read alike": both parse into the same `Node` tree, whose
// nodes remember the byte offset they came from, so a reader can report
// `file:line:col` for any value. JSON is parsed with simdjson's on-demand API
// (fast, in place); YAML with yaml-cpp.
//
// Large inventories are streamed: `ParseDocument` hands each item of chosen
// top-level sequences (e.g. `elements`) to a handler as its own small tree,
// so memory stays linear in the model, not in the text.
//
//   class Handler : public DocumentHandler { ... };
//   Handler handler;
//   ParseDocument(source, handler, diagnostics);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"

namespace redoubt {

struct Field;

class Node {
 public:
  enum class Type : std::uint8_t { kNull, kBool, kNumber, kString, kSequence, kMap };

  Type type = Type::kNull;
  std::uint64_t offset = 0;  // byte offset of the value in its source
  std::string text;          // scalar text: string contents, number literal, "true"/"false"
  std::vector<Node> items;   // kSequence
  std::vector<Field> fields; // kMap, in source order (keys are unique)

  [[nodiscard]] bool IsMap() const { return type == Type::kMap; }
  [[nodiscard]] bool IsSequence() const { return type == Type::kSequence; }
  [[nodiscard]] bool IsScalar() const {
    return type == Type::kBool || type == Type::kNumber || type == Type::kString;
  }
  // The field named `key`, or nullptr. O(fields).
  [[nodiscard]] const Node* Find(std::string_view key) const;
};

struct Field {
  std::string key;
  std::uint64_t key_offset = 0;
  Node value;
};

[[nodiscard]] std::string_view TypeName(Node::Type type);

// One value of a JSON record read without building a Node tree: the record's
// values lie in document order (a map or list first, then what it holds), so a
// record of N values costs one pass and no allocation. `end` is the index one
// past the value's last descendant (index + 1 for a scalar), so the next
// sibling of `record[i]` is `record[record[i].end]`. The views point into the
// source text or the parser's string buffer: they are valid only during the
// call that hands the record over.
struct FlatValue {
  Node::Type type = Node::Type::kNull;
  std::size_t end = 0;
  std::uint64_t offset = 0;      // as Node::offset
  std::uint64_t key_offset = 0;  // as Field::key_offset; 0 for list items and the record
  std::string_view key;          // empty for list items and the record itself
  std::string_view text;         // as Node::text
};
using FlatRecord = std::span<const FlatValue>;  // [0] is the record itself

enum class DocumentFormat : std::uint8_t { kJson, kYaml };

// JSON for ".json", YAML for ".yaml"/".yml"; otherwise JSON when the first
// non-blank character is '{' or '[', else YAML.
[[nodiscard]] DocumentFormat DetectFormat(const SourceFile& source);

// Receives a document whose top level is a map, one top-level key at a time.
class DocumentHandler {
 public:
  virtual ~DocumentHandler() = default;
  // Whether the items of this key's sequence should be streamed to OnItem
  // instead of the whole value going to OnField.
  [[nodiscard]] virtual bool Streams(std::string_view key) const = 0;
  // A top-level field given whole (not streamed, or streamed but not a sequence).
  virtual void OnField(Field field) = 0;
  // The start of a streamed sequence, then each item in order.
  virtual void OnSequence(std::string_view key, std::uint64_t key_offset) = 0;
  virtual void OnItem(std::string_view key, Node item) = 0;
  // A streamed JSON item, offered flat before it is built as a Node: return
  // true when it was read (OnItem is then not called), false to receive it as
  // OnItem instead. Items with duplicate keys are never offered (they go to
  // OnItem, the duplicates reported). The default takes nothing, so a handler
  // that reads only Nodes sees exactly what it saw before.
  virtual bool OnFlatItem(std::string_view /*key*/, FlatRecord /*record*/) { return false; }
};

struct ParseOptions {
  // Large JSON files are parsed on the calling thread while `handler` runs on
  // a second one (same calls, same order). False keeps everything on one thread.
  bool pipeline = true;
};

// Parses `source` and feeds `handler`. Text that is not UTF-8 (CheckUtf8,
// each place reported), syntax errors, a non-map top level,
// duplicate keys and excessive nesting become diagnostics; parsing stops at
// the first syntax error (nothing after it can be trusted). Returns false when
// parsing stopped early, so callers can skip checks that need the whole file.
bool ParseDocument(const SourceFile& source, DocumentHandler& handler, Diagnostics& diagnostics,
                   ParseOptions options = {});

// Parses a whole document into one tree (small files: standards, scenarios).
// nullopt when the text is not UTF-8 or has a syntax error (reported in
// `diagnostics`).
[[nodiscard]] std::optional<Node> ParseTree(const SourceFile& source, Diagnostics& diagnostics);

}  // namespace redoubt
