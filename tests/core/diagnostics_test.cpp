#include "core/diagnostics.hpp"

#include <gtest/gtest.h>

#include "core/result.hpp"

namespace redoubt {
namespace {

TEST(Diagnostic, FormatsFileLineColumnMessageAndHint) {
  Diagnostic diagnostic{Severity::kError, {"net.yaml", 12, 5}, "unknown key 'vendr'",
                        "did you mean 'vendor'?"};
  EXPECT_EQ(diagnostic.Format(),
            "net.yaml:12:5: error: unknown key 'vendr' \u2014 did you mean 'vendor'?");
}

TEST(Diagnostic, FileLevelProblemHasNoLineAndNoHintDash) {
  Diagnostic diagnostic{Severity::kWarning, {"x.json", 0, 0}, "empty", ""};
  EXPECT_EQ(diagnostic.Format(), "x.json: warning: empty");
}

TEST(Diagnostic, ControlCharactersInEchoedValuesAreEscapedOntoOneLine) {
  Diagnostic diagnostic{Severity::kError, {"a\nb.yaml", 3, 7},
                        "unknown vendor 'x\nnet.yaml:1:1: error: forged'",
                        "tab\there, bell\x07, del\x7F, carriage\r; caf\xC3\xA9 stays"};
  EXPECT_EQ(diagnostic.Format(),
            "a\\nb.yaml:3:7: error: unknown vendor 'x\\nnet.yaml:1:1: error: forged' \u2014 "
            "tab\\there, bell\\x07, del\\x7F, carriage\\r; caf\xC3\xA9 stays");
  EXPECT_EQ(diagnostic.Format().find('\n'), std::string::npos);
}

TEST(Diagnostics, CountsBySeverityAndSortsStably) {
  Diagnostics diagnostics;
  diagnostics.Warning({"b", 1, 1}, "w");
  diagnostics.Error({"a", 9, 1}, "second");
  diagnostics.Error({"a", 2, 7}, "first");
  diagnostics.Note({"a", 9, 1}, "after second");
  EXPECT_EQ(diagnostics.ErrorCount(), 2u);
  EXPECT_EQ(diagnostics.WarningCount(), 1u);
  diagnostics.Sort();
  ASSERT_EQ(diagnostics.Items().size(), 4u);
  EXPECT_EQ(diagnostics.Items()[0].message, "first");
  EXPECT_EQ(diagnostics.Items()[1].message, "second");
  EXPECT_EQ(diagnostics.Items()[2].message, "after second");
  EXPECT_EQ(diagnostics.Items()[3].location.file, "b");
}

TEST(Result, HoldsNoValueWhenAnyErrorWasReported) {
  Diagnostics errors;
  errors.Error({"f", 1, 1}, "bad");
  Result<int> failed(42, errors);
  EXPECT_FALSE(failed.ok());
  Diagnostics warnings;
  warnings.Warning({"f", 1, 1}, "odd");
  Result<int> passed(42, warnings);
  ASSERT_TRUE(passed.ok());
  EXPECT_EQ(passed.value(), 42);
  EXPECT_EQ(passed.diagnostics().WarningCount(), 1u);
}

}  // namespace
}  // namespace redoubt
