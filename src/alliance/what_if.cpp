#include "alliance/what_if.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "alliance/member_plan.hpp"
#include "core/error.hpp"
#include "core/fnv.hpp"
#include "io/document.hpp"
#include "io/node_reader.hpp"
#include "policy/standard_reader.hpp"

namespace redoubt::alliance {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 4> kTopKeys = {"format", "title", "description", "changes"};
constexpr std::array<std::string_view, 5> kChangeKeys = {"member", "remove_vendor", "domains",
                                                         "vendor_share", "adopt_standard"};
constexpr std::array<std::string_view, 3> kShareKeys = {"vendor", "domain", "share"};

std::optional<Domain> ReadDomain(const Node& node, const SourceFile& source, Diagnostics& diagnostics) {
  auto name = ReadString(node, source, diagnostics, "domain");
  if (!name) return std::nullopt;
  if (auto domain = ParseName<Domain>(*name)) return domain;
  diagnostics.Error(source.LocationOf(node.offset), fmt::format("'{}' is not a domain", *name),
                    SuggestionHint(*name, DomainNames()));
  return std::nullopt;
}

void ReadChange(const Node& node, const SourceFile& source, const AllianceSpec& spec,
                Diagnostics& diagnostics, ChangeSet& set) {
  MapReader reader(node, source, diagnostics, "change", kChangeKeys);
  if (!reader.ok()) return;
  Change change;
  change.location = source.LocationOf(node.offset);
  if (auto code = reader.String("member", Need::kRequired)) {
    if (auto member = spec.FindMember(*code)) {
      change.member = *member;
    } else {
      std::vector<std::string_view> codes;
      for (const MemberSpec& entry : spec.members) codes.push_back(entry.code);
      reader.Error(*reader.Get("member"), fmt::format("'{}' is not a member of the alliance", *code),
                   SuggestionHint(*code, codes));
    }
  }
  int kinds = 0;
  if (auto vendor = reader.String("remove_vendor")) {
    ++kinds;
    change.kind = Change::Kind::kRemoveVendor;
    change.vendor = *vendor;
    if (const Node* domains = reader.Get("domains")) {
      std::vector<const Node*> items;
      if (domains->IsSequence()) {
        for (const Node& item : domains->items) items.push_back(&item);
      } else {
        items.push_back(domains);
      }
      for (const Node* item : items) {
        if (auto domain = ReadDomain(*item, source, diagnostics)) change.domains.push_back(*domain);
      }
      std::sort(change.domains.begin(), change.domains.end());
    }
  } else if (const Node* domains = reader.Get("domains")) {
    reader.Error(*domains, "'domains' applies only to remove_vendor",
                 "write it beside remove_vendor, or remove it");
  }
  if (const Node* share = reader.Get("vendor_share")) {
    ++kinds;
    change.kind = Change::Kind::kVendorShare;
    MapReader inner(*share, source, diagnostics, "'vendor_share'", kShareKeys);
    if (inner.ok()) {
      change.vendor = inner.String("vendor", Need::kRequired).value_or("");
      if (const Node* domain = inner.Get("domain", Need::kRequired)) {
        change.domain = ReadDomain(*domain, source, diagnostics).value_or(Domain::kRan);
      }
      change.share = inner.Number("share", Need::kRequired, {.min = 0, .max = 1}).value_or(0);
    }
  }
  if (const Node* standard = reader.Get("adopt_standard")) {
    ++kinds;
    change.kind = Change::Kind::kAdoptStandard;
    if (auto text = ReadString(*standard, source, diagnostics, "adopt_standard")) {
      const fs::path folder = fs::path(source.name()).parent_path();
      const fs::path path = (folder / *text).lexically_normal();
      std::error_code error;
      if (!fs::is_regular_file(path, error)) {
        diagnostics.Error(source.LocationOf(standard->offset),
                          fmt::format("cannot find the standard '{}'", *text),
                          fmt::format("paths are relative to the change file's folder ({})",
                                      folder.empty() ? std::string(".") : folder.string()));
      }
      change.standard = path.string();
    }
  }
  if (kinds != 1 && reader.ok()) {
    reader.Error(node,
                 kinds == 0 ? "the change says nothing to change"
                            : "a change does one thing: give one of remove_vendor, vendor_share, "
                              "adopt_standard",
                 "write one of remove_vendor, vendor_share or adopt_standard per change");
    return;
  }
  set.changes.push_back(std::move(change));
}

// Elements ordered by a hash of their id (ties by index): a deterministic
// spread over the network.
void SortByHash(const Network& network, std::vector<ElementIndex>& elements) {
  std::sort(elements.begin(), elements.end(), [&](ElementIndex a, ElementIndex b) {
    const auto ha = Fnv1a64(network.ElementId(a));
    const auto hb = Fnv1a64(network.ElementId(b));
    return ha != hb ? ha < hb : a < b;
  });
}

std::string DomainList(const std::vector<Domain>& domains) {
  if (domains.empty()) return "every domain";
  std::string out;
  for (Domain domain : domains) out += fmt::format("{}{}", out.empty() ? "" : ", ", Name(domain));
  return out;
}

}  // namespace

Result<ChangeSet> ReadChanges(const std::string& path, const AllianceSpec& spec) {
  Diagnostics diagnostics;
  std::optional<SourceFile> source;
  try {
    source.emplace(SourceFile::Read(path));
  } catch (const IoError& error) {
    diagnostics.Error(Location{path, 0, 0}, fmt::format("cannot read change file: {}", error.what()),
                      "check the path given to --what-if");
    return Result<ChangeSet>(std::move(diagnostics));
  }
  ChangeSet set;
  set.file = path;
  auto tree = ParseTree(*source, diagnostics);
  if (!tree) return Result<ChangeSet>(std::move(diagnostics));
  MapReader top(*tree, *source, diagnostics, "change file", kTopKeys);
  if (top.ok()) {
    CheckFormat(top.Get("format"), tree->offset, kChangeFormat, *source, diagnostics);
    set.title = top.String("title").value_or("");
    (void)top.String("description");
    if (const Node* changes = top.Get("changes", Need::kRequired)) {
      if (!changes->IsSequence() || changes->items.empty()) {
        top.Error(*changes, "'changes' must be a non-empty list of changes",
                  "e.g. - {member: DE, remove_vendor: huawei, domains: [core]}");
      } else {
        for (const Node& item : changes->items) ReadChange(item, *source, spec, diagnostics, set);
      }
    }
  }
  return Result<ChangeSet>(std::move(set), std::move(diagnostics));
}

Result<std::vector<std::string>> ApplyChanges(AllianceModel& model, const ChangeSet& changes) {
  Diagnostics diagnostics;
  std::vector<std::string> lines;
  for (const Change& change : changes.changes) {
    const std::string& code = model.spec.members[change.member].code;
    if (change.kind == Change::Kind::kAdoptStandard) {
      auto standard = policy::LoadStandard(change.standard);
      diagnostics.Append(standard.diagnostics());
      if (!standard.ok()) continue;
      lines.push_back(fmt::format("{} adopts standard {} ({})", code, standard.value().id,
                                  standard.value().title));
      model.standards[change.member] =
          std::make_shared<const policy::Standard>(std::move(standard).value());
      continue;
    }
    std::vector<ElementRef> to_replace;
    std::size_t handed = 0;
    bool known = false;
    for (std::size_t network_index : model.member_networks[change.member]) {
      Network& network = model.networks[network_index];
      const VendorIndex vendor = network.FindVendor(change.vendor);
      if (vendor == kNone) continue;
      known = true;
      if (change.kind == Change::Kind::kRemoveVendor) {
        for (ElementIndex element = 0; element < network.elements.size(); ++element) {
          const Element& record = network.elements[element];
          if (record.vendor != vendor) continue;
          if (!change.domains.empty() && !std::binary_search(change.domains.begin(),
                                                             change.domains.end(), record.domain)) {
            continue;
          }
          to_replace.push_back({network_index, element});
        }
        continue;
      }
      std::vector<ElementIndex> ours;
      std::vector<ElementIndex> others;
      for (ElementIndex element = 0; element < network.elements.size(); ++element) {
        if (network.elements[element].domain != change.domain) continue;
        (network.elements[element].vendor == vendor ? ours : others).push_back(element);
      }
      const std::size_t total = ours.size() + others.size();
      const auto target = static_cast<std::size_t>(std::llround(change.share * static_cast<double>(total)));
      if (target < ours.size()) {
        SortByHash(network, ours);
        for (std::size_t index = 0; index < ours.size() - target; ++index) {
          to_replace.push_back({network_index, ours[index]});
        }
      } else if (target > ours.size()) {
        SortByHash(network, others);
        for (std::size_t index = 0; index < target - ours.size(); ++index) {
          network.elements[others[index]].vendor = vendor;
          ++handed;
        }
      }
    }
    if (!known) {
      diagnostics.Error(change.location,
                        fmt::format("vendor '{}' is known to no network of member {}", change.vendor, code),
                        "name a vendor of the member's inventories or of the vendor register");
      continue;
    }
    const auto replaced = ReplaceElements(model, std::move(to_replace));
    std::size_t count = handed;
    for (const Replacement& replacement : replaced) count += replacement.elements;
    if (change.kind == Change::Kind::kRemoveVendor) {
      lines.push_back(fmt::format("{}: {} out of {} — {} element{} replaced", code, change.vendor,
                                  DomainList(change.domains), count, count == 1 ? "" : "s"));
    } else {
      lines.push_back(fmt::format("{}: {} set to {:g}% of {} elements — {} element{} changed vendor",
                                  code, change.vendor, change.share * 100, Name(change.domain),
                                  count, count == 1 ? "" : "s"));
    }
  }
  return Result<std::vector<std::string>>(std::move(lines), std::move(diagnostics));
}

std::vector<CellMove> CompareCells(const Assessment& before, const Assessment& after) {
  std::vector<CellMove> moves;
  for (std::size_t index = 0; index < before.cells.size() && index < after.cells.size(); ++index) {
    const Cell& old_cell = before.cells[index];
    const Cell& new_cell = after.cells[index];
    if (old_cell.Self() || old_cell.level == new_cell.level) continue;
    moves.push_back({old_cell.provider, old_cell.recipient, old_cell.level, new_cell.level});
  }
  return moves;
}

namespace {

// The cause of a move on a step's date, as a sentence (see TimelineStep::reasons).
std::string MoveReason(const AllianceModel& model, const TimelineStep& step, const CellMove& move) {
  const auto title = [&](std::size_t member, const std::string& rule_id) {
    const policy::StandardRule* rule = model.standards[member]->FindRule(rule_id);
    return rule != nullptr && !rule->title.empty() ? rule->title : rule_id;
  };
  std::vector<std::string> causes;
  for (std::size_t member : {move.recipient, move.provider}) {
    for (const DeadlineAction& action : step.deadlines) {
      if (action.member != member) continue;
      if (action.from_plan) {
        causes.push_back(fmt::format("{}'s planned swap of {} element{} completed on {} (\u201c{}\u201d)",
                                     model.spec.members[member].code, action.new_swaps,
                                     action.new_swaps == 1 ? "" : "s", FormatIsoDate(action.night),
                                     title(member, action.rule_id)));
        continue;
      }
      causes.push_back(fmt::format("{}'s deadline \u201c{}\u201d passes",
                                   model.spec.members[member].code, title(member, action.rule_id)));
    }
    if (!causes.empty()) break;
    for (const std::vector<std::string>* rules : {&step.rules_starting, &step.rules_ending}) {
      for (const std::string& entry : *rules) {
        const std::string& code = model.spec.members[member].code;
        if (!entry.starts_with(code + " ")) continue;
        causes.push_back(fmt::format("{}'s rule \u201c{}\u201d {}", code,
                                     title(member, entry.substr(code.size() + 1)),
                                     rules == &step.rules_starting ? "starts to bind" : "expires"));
      }
    }
    if (!causes.empty()) break;
  }
  if (causes.empty()) {
    for (const std::string& entry : step.rules_starting) causes.push_back(entry + " starts to bind");
    for (const std::string& entry : step.rules_ending) causes.push_back(entry + " expires");
  }
  std::string cause;
  for (std::size_t index = 0; index < causes.size(); ++index) {
    cause += (index == 0 ? "" : index + 1 == causes.size() ? " and " : ", ") + causes[index];
  }
  const std::string& from = model.spec.members[move.provider].code;
  const std::string& to = model.spec.members[move.recipient].code;
  const std::string after = LevelName(model.spec, move.after);
  const std::string before = LevelName(model.spec, move.before);
  return fmt::format("{}: {} \u2192 {} {} with {} (was {})", FormatIsoDate(step.date),
                     cause.empty() ? std::string("the date passes") : cause, from,
                     move.after ? "shares " + after : std::string("shares nothing"), to, before);
}

// Dates of a timeline with plans. Between two dates a member's holdings
// change only on a night a planned swap is done, so assessing on every swap
// night is exact; but a national plan swaps on most nights for years, and
// each date costs a whole alliance assessment. Up to `every_night_limit`
// distinct nights (kEveryNightLimit), every one is assessed. Beyond, the
// coarse dates are the rule dates and the night each (member, rule) batch of
// the plan completes; between two consecutive coarse dates whose matrices
// differ, a bisection over the swap nights between them finds the first
// night whose matrix differs from the earlier date's, which becomes a step,
// and the search repeats from it. That finds every move on its exact night
// when, between two coarse dates, the matrix never returns to a state it
// has left: swaps only take untrusted equipment out, so no_untrusted_in, no_vendor and
// classified_on_trusted_paths only ease; a cell that rises and falls back
// between two coarse dates (a replacement vendor passing a diversity share,
// then falling back under it) could be missed. Cost: O(coarse dates + moves
// × log nights) assessments. (Counting only the nights that change a
// member's untrusted counts would not help: every planned swap does.)
bool SameMatrix(const Assessment& a, const Assessment& b) {
  if (a.cells.size() != b.cells.size()) return false;
  for (std::size_t index = 0; index < a.cells.size(); ++index) {
    if (a.cells[index].level != b.cells[index].level) return false;
  }
  return true;
}

}  // namespace

std::vector<TimelineStep> AllianceTimeline(const AllianceModel& model, Days from, Days to,
                                           const AssessOptions& options,
                                           std::size_t every_night_limit) {
  const std::vector<Days> nights = PlannedNights(model, from, to);
  const bool every_night = nights.size() <= every_night_limit;
  std::set<Days> coarse = {from};
  for (Days date : RuleDates(model, from, to)) coarse.insert(date);
  for (Days date : every_night ? nights : PlanCompletionNights(model, from, to)) coarse.insert(date);

  struct Probe {
    Days date = kNoDate;
    std::vector<DeadlineAction> deadlines;
    Assessment assessment;
  };
  const auto assess_on = [&](Days date) {
    Probe probe;
    probe.date = date;
    AllianceModel on_date = model;
    probe.deadlines = MeetDeadlines(on_date, date);
    AssessOptions dated = options;
    dated.as_of = date;
    probe.assessment = AssessPrepared(on_date, probe.deadlines, dated);
    return probe;
  };

  std::vector<TimelineStep> steps;
  std::set<std::pair<std::string, Days>> met;  // (member/rule, effective) already reported
  std::map<std::string, std::size_t> swapped;  // member/rule → planned swaps already reported
  const auto emit = [&](Probe probe) {
    TimelineStep step;
    step.date = probe.date;
    for (DeadlineAction& action : probe.deadlines) {
      const std::string key = model.spec.members[action.member].code + "/" + action.rule_id;
      if (action.from_plan) {
        std::size_t& before = swapped[key];
        if (action.swapped <= before) continue;
        action.new_swaps = action.swapped - before;
        before = action.swapped;
        step.deadlines.push_back(std::move(action));
      } else if (met.emplace(key, action.effective).second) {
        step.deadlines.push_back(std::move(action));
      }
    }
    if (!steps.empty()) {
      std::set<std::string> starting;
      std::set<std::string> ending;
      for (std::size_t index = 0; index <= model.standards.size(); ++index) {
        const std::string owner =
            index == 0 ? std::string("baseline") : model.spec.members[index - 1].code;
        for (const policy::StandardRule& rule : model.StandardAt(index).rules) {
          if (rule.effective == step.date) starting.insert(owner + " " + rule.id);
          if (rule.expires == step.date) ending.insert(owner + " " + rule.id);
        }
      }
      step.rules_starting.assign(starting.begin(), starting.end());
      step.rules_ending.assign(ending.begin(), ending.end());
    }
    step.assessment = std::move(probe.assessment);
    if (!steps.empty()) step.moves = CompareCells(steps.back().assessment, step.assessment);
    for (const CellMove& move : step.moves) step.reasons.push_back(MoveReason(model, step, move));
    steps.push_back(std::move(step));
  };

  for (Days date : coarse) {
    Probe next = assess_on(date);
    while (!every_night && !steps.empty() && !SameMatrix(steps.back().assessment, next.assessment)) {
      // The swap nights strictly between the last step and `date`.
      std::size_t low = static_cast<std::size_t>(
          std::upper_bound(nights.begin(), nights.end(), steps.back().date) - nights.begin());
      std::size_t high = static_cast<std::size_t>(
          std::lower_bound(nights.begin(), nights.end(), date) - nights.begin());
      std::optional<Probe> first;  // the earliest night found whose matrix differs
      while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        Probe probe = assess_on(nights[middle]);
        if (SameMatrix(steps.back().assessment, probe.assessment)) {
          low = middle + 1;
        } else {
          first = std::move(probe);
          high = middle;
        }
      }
      if (!first) break;  // the move is on `date` itself
      emit(std::move(*first));
    }
    emit(std::move(next));
  }
  return steps;
}

RestorePlan Restore(const AllianceModel& model, std::size_t provider, std::size_t recipient,
                    std::size_t level, const AssessOptions& options) {
  RestorePlan plan;
  plan.provider = provider;
  plan.recipient = recipient;
  plan.level = level;
  AllianceModel work = model;
  auto deadlines = MeetDeadlines(work, options.as_of);
  std::set<ElementRef> replaced;
  std::map<std::tuple<std::size_t, Domain, std::string, std::string>, Replacement> merged;
  constexpr std::size_t kMaxRounds = 8;
  for (std::size_t round = 0; round <= kMaxRounds; ++round) {
    Assessment assessment = AssessPrepared(work, deadlines, options);
    if (round == 0) plan.before = assessment;
    const Cell& cell = assessment.At(provider, recipient);
    if (CellMove::Rank(cell.level) > static_cast<int>(level)) {
      plan.restored = true;
      plan.after = std::move(assessment);
      break;
    }
    std::vector<ElementRef> fresh;
    std::vector<std::string> stuck;
    for (const Shortfall& shortfall : cell.shortfalls) {
      if (shortfall.level > level) continue;
      std::size_t added = 0;
      for (const ElementRef& ref : shortfall.elements) {
        if (replaced.insert(ref).second) {
          fresh.push_back(ref);
          ++added;
        }
      }
      if (added == 0) stuck.push_back(shortfall.condition_text + ": " + shortfall.summary);
    }
    if (fresh.empty() || round == kMaxRounds) {
      plan.reason = stuck.empty() ? "no equipment left to replace" : "replacing equipment does not "
                                                                     "lift: " + stuck.front();
      plan.after = std::move(assessment);
      break;
    }
    plan.rounds = round + 1;
    for (Replacement& replacement : ReplaceElements(work, std::move(fresh))) {
      Replacement& into = merged[{replacement.network, replacement.domain, replacement.from_vendor,
                                  replacement.to_vendor}];
      if (into.elements == 0) {
        into = std::move(replacement);
        continue;
      }
      into.elements += replacement.elements;
      into.kinds.insert(into.kinds.end(), replacement.kinds.begin(), replacement.kinds.end());
      std::sort(into.kinds.begin(), into.kinds.end());
      into.kinds.erase(std::unique(into.kinds.begin(), into.kinds.end()), into.kinds.end());
      into.element_ids.insert(into.element_ids.end(), replacement.element_ids.begin(),
                              replacement.element_ids.end());
      std::sort(into.element_ids.begin(), into.element_ids.end());
    }
  }
  for (auto& [key, replacement] : merged) {
    plan.elements += replacement.elements;
    plan.replacements.push_back(std::move(replacement));
  }
  return plan;
}

}  // namespace redoubt::alliance
