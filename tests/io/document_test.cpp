#include "io/document.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

std::optional<Node> Parse(const std::string& name, const std::string& text, Diagnostics& diags) {
  static std::vector<SourceFile> keep;  // nodes hold offsets only, sources may go
  keep.push_back(SourceFile::FromString(name, text));
  return ParseTree(keep.back(), diags);
}

TEST(Document, JsonAndYamlGiveTheSameTree) {
  Diagnostics diags;
  auto json = Parse("a.json", R"({"id": "e1", "n": 2.5, "ok": true, "list": [1, "x"], "z": null})",
                    diags);
  auto yaml = Parse("a.yaml", "id: e1\nn: 2.5\nok: true\nlist: [1, x]\nz: ~\n", diags);
  ASSERT_TRUE(json && yaml) << diags.Items().size();
  for (const Node* tree : {&*json, &*yaml}) {
    ASSERT_TRUE(tree->IsMap());
    ASSERT_EQ(tree->fields.size(), 5u);
    EXPECT_EQ(tree->Find("id")->type, Node::Type::kString);
    EXPECT_EQ(tree->Find("id")->text, "e1");
    EXPECT_EQ(tree->Find("n")->type, Node::Type::kNumber);
    EXPECT_EQ(tree->Find("n")->text, "2.5");
    EXPECT_EQ(tree->Find("ok")->text, "true");
    EXPECT_EQ(tree->Find("list")->items.size(), 2u);
    EXPECT_EQ(tree->Find("list")->items[1].type, Node::Type::kString);
    EXPECT_EQ(tree->Find("z")->type, Node::Type::kNull);
  }
  EXPECT_FALSE(diags.HasErrors());
}

TEST(Document, YamlQuotedNumbersStayStringsAndDatesAreStrings) {
  Diagnostics diags;
  auto tree = Parse("v.yaml", "a: \"1.2\"\nb: 1.12.3\nc: 2019-03-01\nd: -4e2\n", diags);
  ASSERT_TRUE(tree);
  EXPECT_EQ(tree->Find("a")->type, Node::Type::kString);
  EXPECT_EQ(tree->Find("b")->type, Node::Type::kString);
  EXPECT_EQ(tree->Find("c")->type, Node::Type::kString);
  EXPECT_EQ(tree->Find("d")->type, Node::Type::kNumber);
}

TEST(Document, OffsetsPointAtValues) {
  Diagnostics diags;
  SourceFile source = SourceFile::FromString("p.yaml", "top:\n  key: value\n");
  auto tree = ParseTree(source, diags);
  ASSERT_TRUE(tree);
  const Node* value = tree->Find("top")->Find("key");
  const Location at = source.LocationOf(value->offset);
  EXPECT_EQ(at.line, 2u);
  EXPECT_EQ(at.column, 8u);
  SourceFile json = SourceFile::FromString("p.json", "{\n  \"key\": [10,\n 20]}");
  auto json_tree = ParseTree(json, diags);
  ASSERT_TRUE(json_tree);
  const Location second = json.LocationOf(json_tree->Find("key")->items[1].offset);
  EXPECT_EQ(second.line, 3u);
  EXPECT_EQ(second.column, 2u);
}

TEST(Document, SyntaxErrorsAreLocated) {
  Diagnostics diags;
  EXPECT_FALSE(Parse("bad.json", "{\"a\": 1,,}", diags));
  ASSERT_EQ(diags.ErrorCount(), 1u);
  EXPECT_EQ(diags.Items()[0].location.line, 1u);
  EXPECT_NE(diags.Items()[0].message.find("invalid JSON"), std::string::npos);
  Diagnostics yaml_diags;
  EXPECT_FALSE(Parse("bad.yaml", "a: [1, 2\nb: 3\n", yaml_diags));
  ASSERT_EQ(yaml_diags.ErrorCount(), 1u);
  EXPECT_NE(yaml_diags.Items()[0].message.find("invalid YAML"), std::string::npos);
}

// A JSON file with a BOM was refused as "not a map", the BOM unmentioned.
TEST(Document, AByteOrderMarkIsIgnoredWithAWarningInBothFormats) {
  for (const std::string name : {"bom.json", "bom.yaml", "bom"}) {
    Diagnostics diags;
    const std::string body = name == "bom.yaml" ? "a: 1\nb: [x]\n" : "{\"a\": 1,\n \"b\": [\"x\"]}";
    auto tree = Parse(name, "\xEF\xBB\xBF" + body, diags);
    ASSERT_TRUE(tree) << name << ": " << diags.Items()[0].Format();
    ASSERT_EQ(tree->fields.size(), 2u) << name;
    EXPECT_EQ(tree->fields[0].key, "a");
    EXPECT_EQ(tree->fields[1].value.items[0].text, "x");
    ASSERT_EQ(diags.Items().size(), 1u) << name;
    EXPECT_EQ(diags.Items()[0].Format(),
              name + ":1:1: warning: the file starts with a UTF-8 byte-order mark (BOM); it is "
                     "ignored \u2014 save the file as UTF-8 without a BOM to silence this");
  }
  // Offsets are the file's: the repeated key is reported where it stands.
  Diagnostics diags;
  (void)Parse("bad.json", "\xEF\xBB\xBF{\"a\": 1,\n \"a\": 2}", diags);
  ASSERT_EQ(diags.ErrorCount(), 1u);
  EXPECT_EQ(diags.Items()[1].location.line, 2u);
  EXPECT_EQ(diags.Items()[1].location.column, 2u);
}

TEST(Document, DuplicateKeysAreErrorsInBothFormats) {
  Diagnostics diags;
  (void)Parse("d.json", R"({"a": {"x": 1, "x": 2}})", diags);
  (void)Parse("d.yaml", "a: {x: 1, x: 2}\n", diags);
  EXPECT_EQ(diags.ErrorCount(), 2u);
}

TEST(Document, DeepNestingStopsWithAnErrorNotACrash) {
  Diagnostics diags;
  std::string deep = std::string(300, '[') + std::string(300, ']');
  EXPECT_FALSE(Parse("deep.yaml", "a: " + deep + "\n", diags));
  EXPECT_TRUE(diags.HasErrors());
}

TEST(Document, DetectsFormatByExtensionThenContent) {
  EXPECT_EQ(DetectFormat(SourceFile::FromString("x.json", "a: 1")), DocumentFormat::kJson);
  EXPECT_EQ(DetectFormat(SourceFile::FromString("x.yml", "{}")), DocumentFormat::kYaml);
  EXPECT_EQ(DetectFormat(SourceFile::FromString("-", "  {\"a\":1}")), DocumentFormat::kJson);
  EXPECT_EQ(DetectFormat(SourceFile::FromString("-", "a: 1")), DocumentFormat::kYaml);
}

// A mapped file is parsed in place: simdjson reads up to kSourcePadding bytes
// past the end, so a file whose last byte is the last of a page (or close to
// it) must still parse, and a string left open at the very end must be a
// syntax error, not a read past the mapping.
TEST(Document, AMappedJsonFileEndingAtOrNearAPageBoundaryParses) {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::string path = testing::TempDir("page-json") + "/in.json";
  const std::string head = R"({"k": ")";
  const std::string tail = R"(", "n": 7})";
  for (const std::size_t size : {page - kSourcePadding - 1, page - kSourcePadding, page - 1, page,
                                 2 * page, 2 * page + 1}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        << head << std::string(size - head.size() - tail.size(), 'x') << tail;
    const SourceFile source = SourceFile::Read(path);
    ASSERT_EQ(source.size(), size);
    Diagnostics diags;
    const auto tree = ParseTree(source, diags);
    ASSERT_TRUE(tree) << size;
    const Node* number = tree->Find("n");
    ASSERT_NE(number, nullptr);
    EXPECT_EQ(number->text, "7") << size;
    EXPECT_EQ(tree->Find("k")->text.size(), size - head.size() - tail.size());

    std::ofstream(path, std::ios::binary | std::ios::trunc)
        << head << std::string(size - head.size(), 'x');
    const SourceFile open_string = SourceFile::Read(path);
    Diagnostics open_diags;
    EXPECT_FALSE(ParseTree(open_string, open_diags)) << size;
    EXPECT_TRUE(open_diags.HasErrors()) << size;
  }
}

// A FIFO is read as a stream into memory, not mapped; it parses the same.
TEST(Document, AJsonDocumentFromAFifoParses) {
  const std::string path = testing::TempDir("fifo-json") + "/in.json";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // after the reader opened it
    std::ofstream(path) << R"({"id": "e1", "n": 2.5})";
  });
  const SourceFile source = SourceFile::Read(path);
  writer.join();
  Diagnostics diags;
  const auto tree = ParseTree(source, diags);
  ASSERT_TRUE(tree);
  EXPECT_EQ(tree->Find("id")->text, "e1");
  EXPECT_EQ(tree->Find("n")->text, "2.5");
}

}  // namespace
}  // namespace redoubt
