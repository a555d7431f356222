#include "io/document.hpp"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>

#include <absl/container/flat_hash_set.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace redoubt {

namespace {

constexpr int kMaxDepth = 200;
// JSON files at least this large are parsed and handled on two threads.
constexpr std::size_t kPipeThreshold = 4 << 20;

// Raised inside a parse to stop it; the diagnostic is already recorded.
struct StopParse {};

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool HasByteOrderMark(std::string_view text) { return text.starts_with(kByteOrderMark); }

// A UTF-8 byte-order mark (as Windows editors and Excel write) is accepted —
// RFC 8259 lets a parser ignore it, and YAML allows it — but said, so that a
// file that differs from its peers by a BOM is not a mystery.
void NoteByteOrderMark(const SourceFile& source, Diagnostics& diagnostics) {
  if (!HasByteOrderMark(source.text())) return;
  diagnostics.Warning(Location{source.name(), 1, 1},
                      "the file starts with a UTF-8 byte-order mark (BOM); it is ignored",
                      "save the file as UTF-8 without a BOM to silence this");
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Reports each key of a map that repeats an earlier one. `key_at(i)` gives the
// i-th key and its offset.
template <typename KeyAt>
bool CheckDuplicateKeysOf(std::size_t count, KeyAt key_at, const SourceFile& source,
                          Diagnostics& diagnostics) {
  if (count < 2) return false;
  // Records have a handful of keys: pairwise comparison beats hashing there.
  constexpr std::size_t kSmall = 24;
  absl::flat_hash_set<std::string_view> seen;
  bool any = false;
  for (std::size_t index = 0; index < count; ++index) {
    const auto [key, key_offset] = key_at(index);
    bool repeated = false;
    if (count <= kSmall) {
      for (std::size_t earlier = 0; earlier < index && !repeated; ++earlier) {
        repeated = key_at(earlier).first == key;
      }
    } else {
      repeated = !seen.insert(key).second;
    }
    if (repeated) {
      any = true;
      diagnostics.Error(source.LocationOf(key_offset), fmt::format("duplicate key '{}'", key),
                        "each key may appear once in a map; remove or merge the repeats");
    }
  }
  return any;
}

void CheckDuplicateKeys(const Node& map, const SourceFile& source, Diagnostics& diagnostics) {
  (void)CheckDuplicateKeysOf(
      map.fields.size(),
      [&](std::size_t index) {
        const Field& field = map.fields[index];
        return std::pair<std::string_view, std::uint64_t>(field.key, field.key_offset);
      },
      source, diagnostics);
}

// The Node tree of flat values [index, record[index].end).
Node BuildNode(FlatRecord record, std::size_t index) {
  const FlatValue& value = record[index];
  Node node;
  node.type = value.type;
  node.offset = value.offset;
  node.text.assign(value.text);
  if (value.type == Node::Type::kMap) {
    node.fields.reserve(8);  // records have a handful of keys: one allocation
    for (std::size_t child = index + 1; child < value.end; child = record[child].end) {
      node.fields.push_back(Field{std::string(record[child].key), record[child].key_offset,
                                  BuildNode(record, child)});
    }
  } else if (value.type == Node::Type::kSequence) {
    for (std::size_t child = index + 1; child < value.end; child = record[child].end) {
      node.items.push_back(BuildNode(record, child));
    }
  }
  return node;
}

// ---------------------------------------------------------------- JSON ----

class JsonReader {
 public:
  JsonReader(const SourceFile& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics), base_(source.text().data()) {}

  // False when parsing stopped at an error.
  bool Run(DocumentHandler* handler, std::optional<Node>* tree) {
    // A byte-order mark is skipped (NoteByteOrderMark has warned); offsets stay
    // those of the file, as they are measured from base_.
    const std::size_t skip = HasByteOrderMark(source_.text()) ? kByteOrderMark.size() : 0;
    simdjson::padded_string_view view(source_.text().data() + skip, source_.size() - skip,
                                      source_.capacity() - skip);
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document document;
    try {
      if (auto error = parser.iterate(view).get(document); error) Fail(0, error);
      if (tree != nullptr) {
        simdjson::ondemand::value root;
        Check(document.get_value().get(root), 0);
        *tree = Convert(root, 0);
      } else {
        RunStreaming(document, *handler);
      }
      // In bounds after the root value means something follows it.
      const char* trailing = nullptr;
      if (!document.current_location().get(trailing)) {
        diagnostics_.Error(source_.LocationOf(OffsetOf(trailing)),
                           "unexpected content after the end of the document",
                           "a file holds one JSON object; remove what follows it");
      }
    } catch (const StopParse&) {
      if (tree != nullptr) tree->reset();
      return false;
    }
    return true;
  }

 private:
  void RunStreaming(simdjson::ondemand::document& document, DocumentHandler& handler) {
    simdjson::ondemand::object object;
    if (document.get_object().get(object)) {
      diagnostics_.Error(source_.LocationOf(0), "the top level of the document is not a map",
                         "an input file is one JSON object starting with {\"format\": ...}");
      throw StopParse{};
    }
    absl::flat_hash_set<std::string> seen;
    for (auto field_result : object) {
      simdjson::ondemand::field field;
      Check(std::move(field_result).get(field), last_offset_);
      const std::uint64_t key_offset = OffsetOf(field.key().raw()) - 1;
      last_offset_ = key_offset;
      std::string_view key_view;
      Check(field.unescaped_key().get(key_view), key_offset);
      std::string key(key_view);
      if (!seen.insert(key).second) {
        diagnostics_.Error(source_.LocationOf(key_offset), fmt::format("duplicate key '{}'", key),
                           "each key may appear once in a map; remove or merge the repeats");
      }
      simdjson::ondemand::value value = field.value();
      simdjson::ondemand::json_type type;
      Check(value.type().get(type), key_offset);
      if (handler.Streams(key) && type == simdjson::ondemand::json_type::array) {
        handler.OnSequence(key, key_offset);
        simdjson::ondemand::array array;
        Check(value.get_array().get(array), key_offset);
        for (auto item_result : array) {
          simdjson::ondemand::value item;
          Check(std::move(item_result).get(item), last_offset_);
          flat_.clear();
          duplicates_ = false;
          Capture(item, 1);
          // A record with repeated keys goes as a Node, as it always did: its
          // reader decides what the repeats mean.
          if (duplicates_ || !handler.OnFlatItem(key, FlatRecord(flat_))) {
            handler.OnItem(key, BuildNode(flat_, 0));
          }
        }
      } else {
        handler.OnField(Field{std::move(key), key_offset, Convert(value, 1)});
      }
    }
  }

  Node Convert(simdjson::ondemand::value& value, int depth) {
    flat_.clear();
    duplicates_ = false;
    Capture(value, depth);
    return BuildNode(flat_, 0);
  }

  // Appends `value` and everything it holds to flat_, in document order, and
  // reports repeated keys of each map once the map is read (inner maps first).
  // The one walk over simdjson values: errors are reported where it meets them.
  void Capture(simdjson::ondemand::value& value, int depth) {
    if (depth > kMaxDepth) {
      diagnostics_.Error(source_.LocationOf(last_offset_), "nesting is too deep",
                         fmt::format("redoubt reads at most {} levels of nesting", kMaxDepth));
      throw StopParse{};
    }
    const std::size_t index = flat_.size();
    flat_.emplace_back();
    std::uint64_t offset = 0;
    const char* location = nullptr;
    if (!value.current_location().get(location)) {
      offset = OffsetOf(location);
      last_offset_ = offset;
    }
    flat_[index].offset = offset;
    simdjson::ondemand::json_type type;
    Check(value.type().get(type), last_offset_);
    switch (type) {
      case simdjson::ondemand::json_type::object: {
        flat_[index].type = Node::Type::kMap;
        simdjson::ondemand::object object;
        Check(value.get_object().get(object), offset);
        std::size_t count = 0;
        for (auto field_result : object) {
          simdjson::ondemand::field field;
          Check(std::move(field_result).get(field), last_offset_);
          const char* raw_key = field.key().raw();
          const std::uint64_t key_offset = OffsetOf(raw_key) - 1;
          last_offset_ = key_offset;
          std::string_view key = PlainString(raw_key);
          if (key.data() == nullptr) Check(field.unescaped_key().get(key), key_offset);
          simdjson::ondemand::value child = field.value();
          const std::size_t child_index = flat_.size();
          Capture(child, depth + 1);
          flat_[child_index].key = key;
          flat_[child_index].key_offset = key_offset;
          ++count;
        }
        CheckFlatDuplicates(index, count);
        break;
      }
      case simdjson::ondemand::json_type::array: {
        flat_[index].type = Node::Type::kSequence;
        simdjson::ondemand::array array;
        Check(value.get_array().get(array), offset);
        for (auto item_result : array) {
          simdjson::ondemand::value item;
          Check(std::move(item_result).get(item), last_offset_);
          Capture(item, depth + 1);
        }
        break;
      }
      case simdjson::ondemand::json_type::string: {
        flat_[index].type = Node::Type::kString;
        std::string_view text = PlainString(value.raw_json_token().data() + 1);
        if (text.data() == nullptr) Check(value.get_string().get(text), offset);
        flat_[index].text = text;
        break;
      }
      case simdjson::ondemand::json_type::number: {
        flat_[index].type = Node::Type::kNumber;
        std::string_view raw = value.raw_json_token();
        while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back()))) {
          raw.remove_suffix(1);
        }
        // Checked (range, syntax) by the reader that wants it: a value like
        // 1e400 is valid JSON and deserves a range error, not a syntax error.
        flat_[index].text = raw;
        break;
      }
      case simdjson::ondemand::json_type::boolean: {
        flat_[index].type = Node::Type::kBool;
        bool flag = false;
        Check(value.get_bool().get(flag), offset);
        flat_[index].text = flag ? "true" : "false";
        break;
      }
      case simdjson::ondemand::json_type::null: {
        flat_[index].type = Node::Type::kNull;
        bool is_null = false;
        Check(value.is_null().get(is_null), offset);
        break;
      }
    }
    flat_[index].end = flat_.size();
  }

  // The text of a JSON string that starts at `contents` (just after its
  // opening quote) when it holds no escape: then it is its own unescaped text,
  // taken in place rather than copied into the parser's buffer. A view with a
  // null data() when it has an escape (unescape it). The closing quote is
  // there: the parser has checked every string is closed.
  static std::string_view PlainString(const char* contents) {
    const char* end = contents;
    while (*end != '"' && *end != '\\') ++end;
    if (*end == '\\') return {};
    return {contents, static_cast<std::size_t>(end - contents)};
  }

  // Reports repeated keys among the `count` fields of the map at flat_[index].
  void CheckFlatDuplicates(std::size_t index, std::size_t count) {
    if (count < 2) return;
    field_indices_.clear();
    for (std::size_t child = index + 1; child < flat_.size(); child = flat_[child].end) {
      field_indices_.push_back(child);
    }
    const bool found = CheckDuplicateKeysOf(
        count,
        [&](std::size_t field) {
          const FlatValue& value = flat_[field_indices_[field]];
          return std::pair<std::string_view, std::uint64_t>(value.key, value.key_offset);
        },
        source_, diagnostics_);
    duplicates_ = duplicates_ || found;
  }

  void Check(simdjson::error_code error, std::uint64_t offset) {
    if (error) Fail(offset, error);
  }

  [[noreturn]] void Fail(std::uint64_t offset, simdjson::error_code error) {
    // Running out of memory is the environment (exit 3), not a syntax error.
    if (error == simdjson::MEMALLOC) throw std::bad_alloc();
    std::string what = simdjson::error_message(error);
    if (!what.empty() && what.back() == '.') what.pop_back();
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    diagnostics_.Error(source_.LocationOf(offset), fmt::format("invalid JSON: {}", what),
                       "fix the syntax at or just after this place (a missing comma, quote or "
                       "bracket is the usual cause)");
    throw StopParse{};
  }

  std::uint64_t OffsetOf(const char* pointer) const {
    return static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(0, pointer - base_));
  }

  const SourceFile& source_;
  Diagnostics& diagnostics_;
  const char* base_;
  std::uint64_t last_offset_ = 0;
  std::vector<FlatValue> flat_;  // the value being read; reused, so records cost no allocation
  std::vector<std::size_t> field_indices_;  // scratch for CheckFlatDuplicates
  bool duplicates_ = false;      // a map of it repeats a key
};

// ---------------------------------------------------------------- YAML ----

// Counts the documents of a YAML stream with yaml-cpp's event parser, and tells a
// stuck parser from a real document. yaml-cpp 0.7 (Debian 12) does not
// consume a token it cannot start a node with (a ',' outside brackets), so every
// further document "starts" at that same place and YAML::LoadAll loops for ever,
// growing memory (github.com/jbeder/yaml-cpp/issues/1040, fixed upstream after
// 0.8). Two null documents at one place are that token, not two documents.
class DocumentProbe final : public YAML::EventHandler {
 public:
  struct Result {
    int documents = 0;
    std::optional<YAML::Mark> second_at;  // where the second document's content starts
    std::optional<YAML::Mark> stuck_at;   // the token the parser cannot consume
  };

  static Result Run(const std::string& text) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentProbe probe;
    Result result;
    std::optional<YAML::Mark> previous_null;
    while (true) {
      probe.events_ = 0;
      probe.first_at_.reset();
      probe.null_at_.reset();
      if (!parser.HandleNextDocument(probe)) break;
      const bool only_null = probe.events_ == 1 && probe.null_at_.has_value();
      if (only_null && previous_null && previous_null->pos == probe.null_at_->pos) {
        result.stuck_at = probe.null_at_;
        break;
      }
      previous_null = only_null ? probe.null_at_ : std::nullopt;
      if (++result.documents == 2) result.second_at = probe.first_at_;
    }
    return result;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Saw(mark);
    null_at_ = mark;
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { Saw(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    Saw(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Saw(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Saw(mark);
  }
  void OnMapEnd() override {}

 private:
  void Saw(const YAML::Mark& mark) {
    if (events_++ == 0) first_at_ = mark;
  }

  int events_ = 0;
  std::optional<YAML::Mark> first_at_;
  std::optional<YAML::Mark> null_at_;
};

class YamlReader {
 public:
  YamlReader(const SourceFile& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics),
        node_budget_(source.size() * 2 + 10000) {}

  std::optional<YAML::Node> Load() {
    try {
      // The documents are counted so that a second one is refused rather than
      // silently left unread (one file holds one network, standard, ...).
      const std::string text(source_.text());
      const DocumentProbe::Result probe = DocumentProbe::Run(text);
      if (probe.stuck_at) {
        const std::size_t pos = static_cast<std::size_t>(std::max(0, probe.stuck_at->pos));
        const char token = pos < text.size() ? text[pos] : ' ';
        diagnostics_.Error(FromMark(*probe.stuck_at),
                           fmt::format("invalid YAML: unexpected '{}'", token),
                           token == ','
                               ? "a ',' separates the items of a [list] or a {map}; remove it, "
                                 "or put the items in brackets"
                               : "remove this character, or quote the value it belongs to");
        return std::nullopt;
      }
      if (probe.documents == 0) return YAML::Node();
      if (probe.documents > 1) {
        const std::optional<YAML::Mark>& at = probe.second_at;
        diagnostics_.Error(at && at->line >= 0 ? FromMark(*at) : source_.LocationOf(text.size()),
                           fmt::format("the file holds {} YAML documents (separated by '---'); "
                                       "redoubt reads one document a file",
                                       probe.documents),
                           "split it into one file a document, or remove the '---' line before "
                           "this place");
        return std::nullopt;
      }
      return YAML::Load(text);
    } catch (const YAML::Exception& error) {
      std::string what = error.msg;
      diagnostics_.Error(FromMark(error.mark), fmt::format("invalid YAML: {}", what),
                         "fix the syntax at or just before this place (indentation, a missing "
                         "':' or an unclosed quote or bracket is the usual cause)");
      return std::nullopt;
    }
  }

  bool RunStreaming(const YAML::Node& root, DocumentHandler& handler) {
    if (!root.IsDefined() || root.IsNull()) {
      diagnostics_.Error(Location{source_.name(), 1, 1}, "the file is empty",
                         "an input file is a YAML map starting with 'format: ...'");
      return false;
    }
    if (!root.IsMap()) {
      diagnostics_.Error(FromMark(root.Mark()), "the top level of the document is not a map",
                         "an input file is a YAML map starting with 'format: ...'");
      return false;
    }
    absl::flat_hash_set<std::string> seen;
    for (const auto& pair : root) {
      const Field key_only = KeyOf(pair.first);
      if (!seen.insert(key_only.key).second) {
        diagnostics_.Error(source_.LocationOf(key_only.key_offset),
                           fmt::format("duplicate key '{}'", key_only.key),
                           "each key may appear once in a map; remove or merge the repeats");
      }
      if (handler.Streams(key_only.key) && pair.second.IsSequence()) {
        handler.OnSequence(key_only.key, key_only.key_offset);
        for (const YAML::Node& item : pair.second) {
          handler.OnItem(key_only.key, Convert(item, 1));
        }
      } else {
        Field field = key_only;
        field.value = Convert(pair.second, 1);
        handler.OnField(std::move(field));
      }
    }
    return true;
  }

  Node Convert(const YAML::Node& yaml, int depth) {
    if (depth > kMaxDepth || --node_budget_ < 0) {
      diagnostics_.Error(FromMark(yaml.Mark()),
                         depth > kMaxDepth ? "nesting is too deep"
                                           : "the document expands to too many values",
                         "remove deep nesting or alias chains (anchors referring to anchors)");
      throw StopParse{};
    }
    Node node;
    node.offset = OffsetOf(yaml.Mark());
    switch (yaml.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        node.type = Node::Type::kNull;
        break;
      case YAML::NodeType::Scalar:
        ClassifyScalar(yaml, node);
        break;
      case YAML::NodeType::Sequence:
        node.type = Node::Type::kSequence;
        node.items.reserve(yaml.size());
        for (const YAML::Node& item : yaml) node.items.push_back(Convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        node.type = Node::Type::kMap;
        for (const auto& pair : yaml) {
          Field field = KeyOf(pair.first);
          field.value = Convert(pair.second, depth + 1);
          node.fields.push_back(std::move(field));
        }
        CheckDuplicateKeys(node, source_, diagnostics_);
        break;
    }
    return node;
  }

 private:
  Field KeyOf(const YAML::Node& key) {
    Field field;
    field.key_offset = OffsetOf(key.Mark());
    if (key.IsScalar()) {
      field.key = key.Scalar();
    } else {
      diagnostics_.Error(source_.LocationOf(field.key_offset), "a map key must be a plain word",
                         "write keys as 'name: value'");
    }
    return field;
  }

  static void ClassifyScalar(const YAML::Node& yaml, Node& node) {
    node.text = yaml.Scalar();
    if (yaml.Tag() == "!") {  // quoted: always a string
      node.type = Node::Type::kString;
      return;
    }
    const std::string& text = node.text;
    if (text == "null" || text == "Null" || text == "NULL" || text == "~" || text.empty()) {
      node.type = Node::Type::kNull;
    } else if (text == "true" || text == "True" || text == "TRUE") {
      node.type = Node::Type::kBool;
      node.text = "true";
    } else if (text == "false" || text == "False" || text == "FALSE") {
      node.type = Node::Type::kBool;
      node.text = "false";
    } else if (LooksNumeric(text)) {
      node.type = Node::Type::kNumber;
    } else {
      node.type = Node::Type::kString;
    }
  }

  // A YAML 1.2 core-schema number: [-+]?digits[.digits][e[-+]digits], or .inf/.nan.
  static bool LooksNumeric(std::string_view text) {
    for (std::string_view special : {".inf", "+.inf", "-.inf", ".Inf", "+.Inf", "-.Inf", ".INF",
                                     ".nan", ".NaN", ".NAN"}) {
      if (text == special) return true;
    }
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    const std::size_t digits_start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    bool digits = i > digits_start;
    if (i < text.size() && text[i] == '.') {
      ++i;
      const std::size_t fraction_start = i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      digits = digits || i > fraction_start;
    }
    if (!digits) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      ++i;
      if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
      const std::size_t exponent_start = i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      if (i == exponent_start) return false;
    }
    return i == text.size();
  }

  std::uint64_t OffsetOf(const YAML::Mark& mark) const {
    if (mark.line < 0) return 0;
    return source_.OffsetOf(static_cast<std::uint32_t>(mark.line) + 1,
                            static_cast<std::uint32_t>(std::max(0, mark.column)) + 1);
  }

  Location FromMark(const YAML::Mark& mark) const { return source_.LocationOf(OffsetOf(mark)); }

  const SourceFile& source_;
  Diagnostics& diagnostics_;
  std::int64_t node_budget_;
};


// ---------------------------------------------------------------- pipe ----

// Runs a DocumentHandler on a second thread, fed in document order through a
// bounded queue, so that parsing (the calling thread) and record handling
// (the worker) overlap on large files. The target sees exactly the calls it
// would see without the pipe, in the same order, all on the worker thread.
// Bytes copied for a batch of flat records: chunks that never move, so the
// views into them stay valid until the batch is dropped.
class TextArena {
 public:
  std::string_view Copy(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > capacity_ - used_) {
      capacity_ = std::max(kChunkBytes, text.size());
      chunks_.push_back(std::make_unique<char[]>(capacity_));
      used_ = 0;
    }
    char* destination = chunks_.back().get() + used_;
    std::memcpy(destination, text.data(), text.size());
    used_ += text.size();
    return {destination, text.size()};
  }

 private:
  static constexpr std::size_t kChunkBytes = 256 << 10;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

class PipedHandler : public DocumentHandler {
 public:
  explicit PipedHandler(DocumentHandler& target) : target_(target) {
    worker_ = std::thread([this] { Work(); });
  }
  PipedHandler(const PipedHandler&) = delete;
  PipedHandler& operator=(const PipedHandler&) = delete;
  ~PipedHandler() override {
    if (worker_.joinable()) {
      Close();
      worker_.join();
    }
  }

  [[nodiscard]] bool Streams(std::string_view key) const override { return target_.Streams(key); }
  void OnField(Field field) override {
    Push(Event{Event::kField, std::move(field.key), field.key_offset, std::move(field.value)});
  }
  void OnSequence(std::string_view key, std::uint64_t key_offset) override {
    Push(Event{Event::kSequence, std::string(key), key_offset, Node{}});
  }
  void OnItem(std::string_view key, Node item) override {
    Push(Event{Event::kItem, std::string(key), 0, std::move(item)});
  }
  // Copies the record into the batch; the target sees it on the worker, flat
  // first and as a Node when it does not take it flat, as without the pipe.
  bool OnFlatItem(std::string_view key, FlatRecord record) override {
    Event event{Event::kFlatItem, std::string(key), 0, Node{}};
    event.flat_begin = batch_.values.size();
    for (const FlatValue& value : record) {
      FlatValue copy = value;
      copy.key = batch_.arena.Copy(value.key);
      copy.text = batch_.arena.Copy(value.text);
      batch_.values.push_back(copy);
    }
    event.flat_end = batch_.values.size();
    Push(std::move(event));
    return true;
  }

  // Delivers everything queued, stops the worker, and rethrows what it threw.
  void Finish() {
    Close();
    worker_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  struct Event {
    enum Kind : std::uint8_t { kField, kSequence, kItem, kFlatItem } kind;
    std::string key;
    std::uint64_t offset;
    Node node;
    std::size_t flat_begin = 0;  // kFlatItem: its values in Batch::values
    std::size_t flat_end = 0;
  };
  struct Batch {
    std::vector<Event> events;
    std::vector<FlatValue> values;
    TextArena arena;
  };
  static constexpr std::size_t kBatch = 2048;
  static constexpr std::size_t kMaxQueued = 8;

  void Push(Event event) {
    batch_.events.push_back(std::move(event));
    if (batch_.events.size() >= kBatch) Flush();
  }
  void Flush() {
    if (batch_.events.empty()) return;
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [this] { return queue_.size() < kMaxQueued; });
    queue_.push_back(std::move(batch_));
    batch_ = Batch{};
    batch_.events.reserve(kBatch);
    not_empty_.notify_one();
  }
  void Close() {
    Flush();
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_one();
  }
  void Work() {
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
        not_full_.notify_one();
      }
      if (error_) continue;  // keep draining so the parser never blocks
      try {
        for (Event& event : batch.events) {
          switch (event.kind) {
            case Event::kField:
              target_.OnField(Field{std::move(event.key), event.offset, std::move(event.node)});
              break;
            case Event::kSequence:
              target_.OnSequence(event.key, event.offset);
              break;
            case Event::kItem:
              target_.OnItem(event.key, std::move(event.node));
              break;
            case Event::kFlatItem: {
              const FlatRecord record(batch.values.data() + event.flat_begin,
                                      event.flat_end - event.flat_begin);
              if (!target_.OnFlatItem(event.key, record)) {
                target_.OnItem(event.key, BuildNode(record, 0));
              }
              break;
            }
          }
        }
      } catch (...) {
        error_ = std::current_exception();
      }
    }
  }

  DocumentHandler& target_;
  Batch batch_;
  std::deque<Batch> queue_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  bool closed_ = false;
  std::exception_ptr error_;  // written by the worker only, read after join
  std::thread worker_;
};

}  // namespace

const Node* Node::Find(std::string_view key) const {
  for (const Field& field : fields) {
    if (field.key == key) return &field.value;
  }
  return nullptr;
}

std::string_view TypeName(Node::Type type) {
  switch (type) {
    case Node::Type::kNull:
      return "null";
    case Node::Type::kBool:
      return "boolean";
    case Node::Type::kNumber:
      return "number";
    case Node::Type::kString:
      return "string";
    case Node::Type::kSequence:
      return "list";
    case Node::Type::kMap:
      return "map";
  }
  return "value";
}

DocumentFormat DetectFormat(const SourceFile& source) {
  const std::string& name = source.name();
  if (EndsWith(name, ".json")) return DocumentFormat::kJson;
  if (EndsWith(name, ".yaml") || EndsWith(name, ".yml")) return DocumentFormat::kYaml;
  std::string_view text = source.text();
  if (HasByteOrderMark(text)) text.remove_prefix(kByteOrderMark.size());
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    return (c == '{' || c == '[') ? DocumentFormat::kJson : DocumentFormat::kYaml;
  }
  return DocumentFormat::kYaml;
}

bool ParseDocument(const SourceFile& source, DocumentHandler& handler, Diagnostics& diagnostics,
                   ParseOptions options) {
  if (!CheckUtf8(source, diagnostics)) return false;
  NoteByteOrderMark(source, diagnostics);
  if (DetectFormat(source) == DocumentFormat::kJson) {
    if (!options.pipeline || source.size() < kPipeThreshold) return JsonReader(source, diagnostics).Run(&handler, nullptr);
    // Large file: parse here, handle records on a second thread. The parser
    // reports into its own list (Diagnostics is not thread-safe), merged after;
    // the line index is built first because both threads read it.
    (void)source.LineOf(0);
    Diagnostics parse_diagnostics;
    bool complete = false;
    {
      PipedHandler pipe(handler);
      complete = JsonReader(source, parse_diagnostics).Run(&pipe, nullptr);
      pipe.Finish();
    }
    diagnostics.Append(parse_diagnostics);
    return complete;
  }
  YamlReader reader(source, diagnostics);
  auto root = reader.Load();
  if (!root) return false;
  try {
    return reader.RunStreaming(*root, handler);
  } catch (const StopParse&) {
    return false;
  }
}

std::optional<Node> ParseTree(const SourceFile& source, Diagnostics& diagnostics) {
  if (!CheckUtf8(source, diagnostics)) return std::nullopt;
  NoteByteOrderMark(source, diagnostics);
  if (DetectFormat(source) == DocumentFormat::kJson) {
    std::optional<Node> tree;
    JsonReader(source, diagnostics).Run(nullptr, &tree);
    return tree;
  }
  YamlReader reader(source, diagnostics);
  auto root = reader.Load();
  if (!root) return std::nullopt;
  try {
    return reader.Convert(*root, 0);
  } catch (const StopParse&) {
    return std::nullopt;
  }
}

}  // namespace redoubt
