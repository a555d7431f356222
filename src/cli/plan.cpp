// redoubt plan INVENTORY... --standard S --costs FILE — when each element a
// dated rule forbids is swapped, by which crew pool, at what cost and what
// that costs in service; or why the deadlines cannot be met and the least
// extra crews that would meet them.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/standard_options.hpp"
#include "core/error.hpp"
#include "plan/costs.hpp"
#include "plan/plan_json.hpp"
#include "plan/problem.hpp"
#include "plan/solve.hpp"
#include "policy/evaluate.hpp"
#include "policy/judged_date.hpp"

namespace redoubt::cli {

namespace {

struct PlanOptions {
  std::vector<std::string> paths;
  std::string standard;
  std::string costs;
  std::string as_of;
  std::string method = "auto";
  double time_limit = 60;
  InputOptions input;
  OutputFormat format = OutputFormat::kText;
  std::string output;
};

std::string Money(double amount, const std::string& currency) {
  if (amount >= 1e9) return fmt::format("{:.2f} bn {}", amount / 1e9, currency);
  if (amount >= 1e6) return fmt::format("{:.2f} m {}", amount / 1e6, currency);
  return fmt::format("{:.0f} {}", amount, currency);
}

std::string Summary(const plan::PlanProblem& problem, const plan::PlanResult& result,
                    const std::vector<plan::Violation>& violations, double seconds) {
  std::string text;
  const plan::Totals& totals = result.totals;
  text += fmt::format("plan from {} against standard {}: {} swaps, method {}{}{} ({:.2f} s)\n",
                      FormatIsoDate(problem.start), problem.standard_id, problem.jobs.size(),
                      plan::Name(result.method), result.proven_optimal ? ", proven optimal" : "",
                      result.method == plan::Method::kExact && !result.model_exact
                          ? " (pairwise disruption model)" : "",
                      seconds);
  if (!result.note.empty()) text += "note: " + result.note + "\n";
  for (const plan::DeadlineStatus& status : plan::DeadlineStatuses(problem, result.schedule)) {
    std::string verdict;
    if (status.late == 0 && status.unscheduled == 0) {
      verdict = fmt::format("met, last swap {}", FormatIsoDate(status.last_night));
    } else if (status.unscheduled > 0) {
      verdict = fmt::format("NOT MET: {} swaps cannot be scheduled", status.unscheduled);
    } else {
      verdict = fmt::format("{}: {} of {} swaps late, up to {} days",
                            status.overdue ? "OVERDUE" : "SLIPS", status.late, status.swaps,
                            status.max_slip_days);
    }
    text += fmt::format("  {:<28} due {}  {:>6} swaps  {}\n", status.rule_id,
                        FormatIsoDate(status.deadline), status.swaps, verdict);
  }
  text += fmt::format("lateness {:.0f} swap-days (bound {:.0f}); disruption {:.1f} weight-hours (bound "
                      "{:.1f}); cost {} (bound {})\n",
                      totals.lateness_days, result.bounds.lateness_days, totals.disruption,
                      result.bounds.disruption, Money(totals.cost, problem.currency),
                      Money(result.bounds.cost, problem.currency));
  for (const auto& [year, spent] : totals.cost_per_year) {
    auto budget = problem.budget_per_year.find(year);
    text += fmt::format("  {}: {}{}\n", year, Money(spent, problem.currency),
                        budget == problem.budget_per_year.end()
                            ? std::string()
                            : fmt::format(" of {} budget", Money(budget->second, problem.currency)));
  }
  if (totals.lateness_days > 0 || totals.unscheduled > 0) {
    for (const plan::CrewShortfall& entry : result.shortfall.crews) {
      text += fmt::format("to meet the deadlines: pool {} needs {} more crews ({} → {})\n",
                          problem.pools[entry.pool].id, entry.extra, entry.crews, entry.crews + entry.extra);
    }
    for (const auto& [year, extra] : result.shortfall.budget) {
      text += fmt::format("to meet the deadlines: {} more budget in {}\n", Money(extra, problem.currency), year);
    }
    if (!result.shortfall.unavoidable.empty()) {
      text += fmt::format("{} swaps cannot meet their deadline whatever the crews: equipment arrives "
                          "later or the deadline has passed\n",
                          result.shortfall.unavoidable.size());
    }
  }
  text += violations.empty() ? "plan checked: every constraint holds\n"
                             : fmt::format("plan check FAILED: {} violations\n", violations.size());
  return text;
}

int Run(const PlanOptions& options) {
  const Days as_of = options.as_of.empty() ? kNoDate : ParseDateFlag(options.as_of, "--as-of");
  plan::SolveOptions solve;
  if (options.method == "auto") solve.method = plan::Method::kAuto;
  else if (options.method == "exact") solve.method = plan::Method::kExact;
  else if (options.method == "heuristic") solve.method = plan::Method::kHeuristic;
  else throw UsageError(fmt::format("--method: '{}' is not auto, exact or heuristic", options.method));
  solve.time_limit_seconds = options.time_limit;
  auto standard = LoadStandardPrinting(options.standard);
  if (!standard) return kExitBadInput;
  auto costs = plan::ReadCosts(options.costs);
  PrintDiagnostics(costs.diagnostics(), std::cerr);
  if (!costs.ok()) return kExitBadInput;
  auto networks = LoadNetworks(options.paths, options.input);
  if (!networks) return kExitBadInput;
  {
    Diagnostics diagnostics;
    policy::CheckStandardAgainst(*standard, *networks, diagnostics);
    PrintDiagnostics(diagnostics, std::cerr);
    if (diagnostics.HasErrors()) return kExitBadInput;
  }
  const policy::JudgedDate date = policy::ChooseJudgedDate(as_of, *networks, Today());
  std::vector<policy::InventoryLag> lags;
  const policy::Standard* standards[] = {&*standard};
  for (const Network& network : *networks) {
    if (auto lag = policy::LagOf(network, standards, date.date)) lags.push_back(std::move(*lag));
  }
  auto problem = plan::BuildProblem(*standard, *networks, costs.value(), date.date);
  PrintDiagnostics(problem.diagnostics(), std::cerr);
  if (!problem.ok()) return kExitBadInput;
  const auto begin = std::chrono::steady_clock::now();
  const plan::PlanResult result = plan::SolvePlan(problem.value(), solve);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  const auto violations = plan::CheckPlan(problem.value(), result.schedule);
  if (!violations.empty()) {
    throw Error(fmt::format("the plan breaks {} constraints, first: {}", violations.size(),
                                    violations.front().message));
  }
  const std::string summary =
      policy::JudgedDateText(date, lags) + Summary(problem.value(), result, violations, seconds);
  if (options.format == OutputFormat::kJson || !options.output.empty()) {
    const auto document = policy::WithJudgedDate(
        plan::PlanDocument(problem.value(), result, costs.value(), violations), date, lags);
    WriteOutput(options.output, JsonText(document));
    if (!options.output.empty()) std::cout << summary;
  } else {
    std::cout << summary;
  }
  const bool met = result.totals.lateness_days == 0 && result.totals.unscheduled == 0;
  return met ? kExitOk : kExitFindings;
}

}  // namespace

CommandRunner SetupPlan(CLI::App& command) {
  auto options = std::make_shared<PlanOptions>();
  command.add_option("files", options->paths, "Inventory files (JSON or YAML)")->required();
  command.add_option("-s,--standard", options->standard,
                     "Standard whose dated forbid rules set the deadlines, e.g. data/standards/gb.yaml")
      ->required();
  command.add_option("-c,--costs", options->costs,
                     "Costs, crews, windows and budget (redoubt/costs@1), e.g. "
                     "data/costs/illustrative.yaml")
      ->required();
  command.add_option("--as-of", options->as_of,
                     "Plan from this date (YYYY-MM-DD); default: the latest as_of of the inventories, "
                     "else today (the same rule in every command)");
  command.add_option("--method", options->method,
                     "auto (exact CBC model when small enough, else the heuristic), exact or heuristic");
  command.add_option("--time-limit", options->time_limit,
                     "Seconds per stage of the exact model (default 60)");
  options->input.AddTo(command);
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output,
                     "Write the redoubt/plan@1 document here (the summary still goes to stdout)");
  command.footer(
      "The plan swaps every element a dated forbid rule of the standard finds (on its effective\n"
      "date, or on the start date for a rule already in force) for a trusted vendor's equipment:\n"
      "one swap per crew and maintenance window, not before the equipment arrives, within each\n"
      "year's budget. It meets every deadline it can, then disrupts services least, then costs\n"
      "least. JSON output is a redoubt/plan@1 document (schemas/plan-1.schema.json).\n"
      "Exit codes: 0 every deadline met, 1 deadlines slip (the plan is still written, with the\n"
      "least extra crews per pool that would meet them), 2 bad input or usage.\n"
      "Example: redoubt plan data/samples/allies/gb*.json -s data/standards/gb.yaml "
      "-c data/costs/illustrative.yaml -o plan.json");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
