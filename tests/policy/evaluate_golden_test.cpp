// Table-driven golden tests: each folder of tests/cases/policy holds a
// standard (standard.yaml, maybe extending others beside it), an inventory
// (inventory.yaml, judged on its own as_of) and expected.txt, every finding
// written out with its subjects, measure, contributors and evidence.
//
// To regenerate after a deliberate change:
//   REDOUBT_UPDATE_GOLDEN=1 ctest -R PolicyGolden   (then review the diff)
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"
#include "policy/evaluate.hpp"
#include "policy/standard_reader.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

const std::string kCases = testing::SourcePath("tests/cases/policy");

std::string Render(const policy::Standard& standard, const policy::Evaluation& evaluation) {
  std::string out = fmt::format("network {} as of {}\n", evaluation.network,
                                FormatIsoDate(evaluation.as_of));
  for (const policy::RuleStatus& status : evaluation.rules) {
    const policy::StandardRule& rule = standard.rules[status.rule];
    out += fmt::format("rule {} ({}): {}{}\n", rule.id, rule.Kind(),
                       status.binding ? fmt::format("{} finding(s)", status.findings)
                                      : std::string("not binding"),
                       status.note.empty() ? "" : " — " + status.note);
  }
  for (const policy::Finding& finding : evaluation.findings) {
    out += fmt::format("\n{} [{}] subject={}\n  {}\n", finding.rule_id,
                       policy::Name(finding.severity), finding.subject, finding.message);
    auto list = [&](std::string_view label, const std::vector<std::string>& ids) {
      if (!ids.empty()) out += fmt::format("  {}: {}\n", label, fmt::join(ids, ", "));
    };
    list("elements", finding.elements);
    list("sites", finding.sites);
    list("services", finding.services);
    list("vendors", finding.vendors);
    list("evidence", finding.evidence);
    if (finding.measure) {
      const policy::Measure& measure = *finding.measure;
      out += fmt::format("  measure: {} = {:.4f} (want {} {:.4f} {})", measure.quantity,
                         measure.value, measure.relation, measure.bound, measure.unit);
      if (!std::isnan(measure.denominator)) {
        out += fmt::format(" [{:g} of {:g}]", measure.numerator, measure.denominator);
      }
      out += "\n";
    }
    for (const policy::Contributor& contributor : finding.contributors) {
      out += fmt::format("  contributor: {} {} {:g} ({:.4f})\n", contributor.kind, contributor.id,
                         contributor.amount, contributor.share);
    }
    for (const policy::Distance& distance : finding.distances) {
      out += fmt::format("  distance: {} at {} {:.3f} km\n", distance.element, distance.site,
                         distance.km);
    }
    out += fmt::format("  due: {}\n", finding.due == kNoDate ? "always" : FormatIsoDate(finding.due));
  }
  for (const policy::Unassessed& entry : evaluation.unassessed) {
    out += fmt::format("\nunassessed by {}: {}: {}{}\n", entry.rule_id, entry.reason,
                       fmt::join(entry.elements, ", "), fmt::join(entry.sites, ", "));
  }
  return out;
}

class PolicyGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(PolicyGolden, FindingsMatchExpected) {
  const std::string folder = kCases + "/" + GetParam();
  auto standard = policy::LoadStandard(folder + "/standard.yaml");
  ASSERT_TRUE(standard.ok()) << standard.diagnostics().Items().front().Format();
  EXPECT_EQ(standard.diagnostics().ErrorCount() + standard.diagnostics().WarningCount(), 0u);
  const std::vector<std::string> paths = {folder + "/inventory.yaml"};
  InventoryOptions options;
  options.warnings = false;
  auto networks = LoadInventories(paths, options);
  ASSERT_TRUE(networks.ok()) << networks.diagnostics().Items().front().Format();
  std::string actual;
  for (const Network& network : networks.value()) {
    policy::EvaluationOptions evaluation;
    evaluation.as_of = network.info.as_of;
    actual += Render(standard.value(), policy::Evaluate(standard.value(), network, evaluation));
  }
  const std::string expected_path = folder + "/expected.txt";
  if (std::getenv("REDOUBT_UPDATE_GOLDEN") != nullptr) std::ofstream(expected_path) << actual;
  EXPECT_EQ(actual, testing::ReadText(expected_path));
}

std::vector<std::string> Cases() { return testing::ListDirectory(kCases); }

INSTANTIATE_TEST_SUITE_P(Cases, PolicyGolden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace redoubt
