#include "core/diagnostics.hpp"

#include <gtest/gtest.h>

#include "core/result.hpp"
#include "core/text.hpp"

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

TEST(Diagnostics, AMegabyteValueIsKeptAsItsStartAndEnd) {
  Diagnostics diagnostics;
  const std::string value = "s" + std::string(1 << 20, 'q') + "end";
  diagnostics.Error({"a.json", 1, 1}, "unknown site '" + value + "'", "hint");
  const Diagnostic& kept = diagnostics.Items().front();
  EXPECT_LE(kept.message.size(), kMaxDiagnosticText + 40);
  EXPECT_TRUE(kept.message.starts_with("unknown site 'sqqq"));
  EXPECT_TRUE(kept.message.ends_with("qqqend'"));
  // 15 + 2^20 + 4 bytes in all; 480 kept before the cut, 120 after it.
  EXPECT_NE(kept.message.find(" \u2026 [" + std::to_string(15 + (1 << 20) + 4 - 600) +
                              " bytes left out] \u2026 "),
            std::string::npos)
      << kept.message.substr(470, 60);
  EXPECT_EQ(kept.hint, "hint");
}

TEST(Text, AbbreviateMiddleCutsAtCharacterBoundaries) {
  EXPECT_EQ(AbbreviateMiddle("short", 10), "short");
  EXPECT_EQ(AbbreviateMiddle("0123456789", 10), "0123456789");
  // limit 10: 8 bytes kept before the cut and 2 after it.
  EXPECT_EQ(AbbreviateMiddle("0123456789abcdef", 10), "01234567 \u2026 [6 bytes left out] \u2026 ef");
  // "é" is two bytes: a cut inside it moves to before it (head) or after it (tail).
  const std::string accents = "abcdefg\xC3\xA9hijklmn\xC3\xA9o";
  const std::string cut = AbbreviateMiddle(accents, 10);
  EXPECT_EQ(cut, "abcdefg \u2026 [11 bytes left out] \u2026 o") << cut;
  EXPECT_FALSE(FirstInvalidUtf8(cut).has_value());
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
