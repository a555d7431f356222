// ReadAssessment: the outline of an assessment, with file:line:col on every problem.
#include "report/assessment.hpp"

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

Result<nlohmann::ordered_json> Read(const std::string& text) {
  return ReadAssessment(SourceFile::FromString("a.json", text));
}

TEST(Assessment, EmptyDocumentHasNoFormat) {
  auto result = Read("{}");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.diagnostics().Items()[0].message, "missing 'format'");
}

TEST(Assessment, WrongFormatIsReportedAtTheValue) {
  auto result = Read("{\n  \"format\": \"redoubt/findings@1\"\n}");
  ASSERT_FALSE(result.ok());
  const Diagnostic& d = result.diagnostics().Items()[0];
  EXPECT_EQ(d.location.line, 2u);
  EXPECT_EQ(d.location.column, 13u);
  EXPECT_EQ(d.message, "expected format 'redoubt/assessment@1', found 'redoubt/findings@1'");
}

TEST(Assessment, WrongOutlineTypesAreEachReported) {
  auto result = Read(R"({"format": "redoubt/assessment@1", "members": {}, "findings": 3,
"alliance": [], "sites": null})");
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics().ErrorCount(), 3u);
  EXPECT_EQ(result.diagnostics().Items()[0].message, "'members' must be a list, not a map");
}

TEST(Assessment, SyntaxErrorIsADiagnostic) {
  auto result = Read("{\"format\": ");
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.diagnostics().HasErrors());
}

TEST(Assessment, ValuesKeepTheirTypesAndOrder) {
  auto result = Read(R"({"format": "redoubt/assessment@1", "seed": 42, "share": 0.25,
"ok": true, "none": null, "members": [{"code": "GB"}]})");
  ASSERT_TRUE(result.ok());
  const auto& document = result.value();
  EXPECT_EQ(document["seed"], 42);
  EXPECT_TRUE(document["seed"].is_number_integer());
  EXPECT_DOUBLE_EQ(document["share"].get<double>(), 0.25);
  EXPECT_EQ(document["ok"], true);
  EXPECT_TRUE(document["none"].is_null());
  EXPECT_EQ(document["members"][0]["code"], "GB");
  EXPECT_EQ(document.begin().key(), "format");
}

TEST(Assessment, TheFixtureReadsAsItsJson) {
  const std::string path = testing::SourcePath("tests/cases/report/fixtures/assessment.json");
  auto result = ReadAssessment(SourceFile::Read(path));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value(), nlohmann::ordered_json::parse(testing::ReadText(path)));
}

}  // namespace
}  // namespace redoubt
