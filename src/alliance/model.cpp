#include "alliance/model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "alliance/member_plan.hpp"
#include "core/text.hpp"
#include "model/like_for_like.hpp"
#include "policy/evaluate.hpp"
#include "policy/matcher.hpp"
#include "policy/standard_reader.hpp"

namespace redoubt::alliance {

namespace {

// `baseline_max_severity: {except: [...]}` names rules of the baseline: a
// misspelt id would silently except nothing.
void CheckExceptedRules(const AllianceSpec& spec, const policy::Standard& baseline,
                        Diagnostics& diagnostics) {
  std::vector<std::string_view> ids;
  for (const policy::StandardRule& rule : baseline.rules) ids.push_back(rule.id);
  for (const SharingRule& rule : spec.sharing) {
    for (const Condition& condition : rule.conditions) {
      for (const std::string& id : condition.except_rules) {
        if (baseline.FindRule(id) != nullptr) continue;
        diagnostics.Error(condition.location,
                          fmt::format("'except' names '{}', which is not a rule of the baseline {}",
                                      id, baseline.id),
                          SuggestionHint(id, ids));
      }
    }
  }
}

void CheckVendorsNamed(const AllianceSpec& spec, const std::vector<Network>& networks,
                       Diagnostics& diagnostics) {
  std::set<std::string, std::less<>> known;
  for (const Network& network : networks) {
    for (const Vendor& vendor : network.vendors) known.emplace(network.Str(vendor.id));
  }
  std::vector<std::string_view> candidates(known.begin(), known.end());
  for (const SharingRule& rule : spec.sharing) {
    for (const Condition& condition : rule.conditions) {
      for (const std::string& vendor : condition.vendors) {
        if (known.count(vendor) != 0) continue;
        const std::string message = fmt::format(
            "vendor '{}' is named by 'no_vendor' but known to no network of the alliance", vendor);
        if (auto match = ClosestMatch(vendor, candidates)) {
          diagnostics.Error(condition.location, message,
                            fmt::format("did you mean '{}'? A misspelt vendor would never block "
                                        "sharing", *match));
        } else {
          diagnostics.Warning(condition.location, message,
                              "the condition holds trivially here; check the spelling");
        }
      }
    }
  }
}

}  // namespace

Result<AllianceModel> LoadAllianceModel(const AllianceSpec& spec, const InventoryOptions& options,
                                        LoadScope scope) {
  Diagnostics diagnostics;
  AllianceModel model;
  model.spec = spec;
  // Each file is loaded once (its diagnostics reported once) and shared.
  std::map<std::string, std::shared_ptr<const policy::Standard>> loaded_standards;
  auto load_standard = [&](const std::string& path) {
    auto& slot = loaded_standards[path];
    if (!slot) {
      auto standard = policy::LoadStandard(path);
      diagnostics.Append(standard.diagnostics());
      slot = std::make_shared<const policy::Standard>(standard.ok() ? std::move(standard).value()
                                                                    : policy::Standard{});
    }
    return slot;
  };
  model.baseline = load_standard(spec.baseline);
  std::map<std::string, std::string> network_owner;  // network id → member code
  model.member_networks.resize(spec.members.size());
  for (std::size_t member = 0; member < spec.members.size(); ++member) {
    const MemberSpec& entry = spec.members[member];
    model.standards.push_back(load_standard(entry.standard));
    if (scope.kind == LoadScope::Kind::kStandards ||
        (scope.kind == LoadScope::Kind::kMember && scope.member != member)) {
      continue;
    }
    auto loaded = LoadInventories(entry.networks, options);
    diagnostics.Append(loaded.diagnostics());
    if (!loaded.ok()) continue;
    for (Network& network : loaded.value()) {
      auto [at, inserted] = network_owner.emplace(network.info.id, entry.code);
      if (!inserted) {
        diagnostics.Error(entry.location,
                          fmt::format("network '{}' of member {} is also loaded for member {}",
                                      network.info.id, entry.code, at->second),
                          "each network belongs to one member; give it once");
        continue;
      }
      model.member_networks[member].push_back(model.networks.size());
      model.network_member.push_back(member);
      model.networks.push_back(std::move(network));
    }
  }
  if (diagnostics.HasErrors()) return Result<AllianceModel>(std::move(diagnostics));
  if (scope.kind == LoadScope::Kind::kStandards) {
    CheckExceptedRules(spec, *model.baseline, diagnostics);
    if (diagnostics.HasErrors()) return Result<AllianceModel>(std::move(diagnostics));
    return Result<AllianceModel>(std::move(model), std::move(diagnostics));
  }
  policy::CheckStandardAgainst(*model.baseline, model.networks, diagnostics);
  std::set<std::string> checked = {model.baseline->file};
  for (const auto& standard : model.standards) {
    if (checked.insert(standard->file).second) {
      policy::CheckStandardAgainst(*standard, model.networks, diagnostics);
    }
  }
  if (scope.kind == LoadScope::Kind::kAll) CheckVendorsNamed(spec, model.networks, diagnostics);
  CheckExceptedRules(spec, *model.baseline, diagnostics);
  if (diagnostics.HasErrors()) return Result<AllianceModel>(std::move(diagnostics));
  return Result<AllianceModel>(std::move(model), std::move(diagnostics));
}

namespace {

// Vendors of `network` that no loaded standard counts as untrusted, and
// whose risk is not high.
std::vector<std::uint8_t> TrustedByAll(const AllianceModel& model, const Network& network) {
  std::vector<std::vector<std::uint8_t>> masks;
  for (std::size_t index = 0; index <= model.standards.size(); ++index) {
    const policy::Standard& standard = model.StandardAt(index);
    if (standard.untrusted) masks.push_back(policy::UntrustedMask(&*standard.untrusted, network));
  }
  return TrustedVendors(network, masks);
}

}  // namespace

std::vector<Replacement> ReplaceElements(AllianceModel& model, std::vector<ElementRef> elements) {
  std::sort(elements.begin(), elements.end());
  elements.erase(std::unique(elements.begin(), elements.end()), elements.end());
  // (network, domain, from, to) → replacement
  std::map<std::tuple<std::size_t, Domain, std::string, std::string>, Replacement> groups;
  std::size_t begin = 0;
  while (begin < elements.size()) {
    const std::size_t network_index = elements[begin].network;
    std::size_t end = begin;
    while (end < elements.size() && elements[end].network == network_index) ++end;
    Network& network = model.networks[network_index];
    const LikeForLike choice(network, TrustedByAll(model, network));
    VendorIndex fallback = kNone;
    for (std::size_t at = begin; at < end; ++at) {
      Element& element = network.elements[elements[at].element];
      VendorIndex to = choice.Choose(element);
      if (to == kNone) {
        if (fallback == kNone) {
          Vendor vendor;
          vendor.id = network.Intern("trusted-replacement");
          vendor.name = "Trusted replacement (assumed)";
          vendor.risk = Risk::kLow;
          vendor.risk_declared = true;
          fallback = static_cast<VendorIndex>(network.vendors.size());
          network.vendors.push_back(std::move(vendor));
        }
        to = fallback;
      }
      if (to == element.vendor) continue;
      const std::string from_id =
          element.vendor == kNone ? "unknown" : std::string(network.Str(network.vendors[element.vendor].id));
      Replacement& group = groups[{network_index, element.domain, from_id,
                                   std::string(network.Str(network.vendors[to].id))}];
      group.network = network_index;
      group.domain = element.domain;
      group.from_vendor = from_id;
      group.to_vendor = network.Str(network.vendors[to].id);
      ++group.elements;
      group.kinds.push_back(network.kinds[element.kind].name);
      group.element_ids.emplace_back(network.Str(element.id));
      element.vendor = to;
    }
    begin = end;
  }
  std::vector<Replacement> out;
  for (auto& [key, group] : groups) {
    std::sort(group.kinds.begin(), group.kinds.end());
    group.kinds.erase(std::unique(group.kinds.begin(), group.kinds.end()), group.kinds.end());
    std::sort(group.element_ids.begin(), group.element_ids.end());
    out.push_back(std::move(group));
  }
  return out;
}

namespace {

// The swaps of `plan` done by `date`, one action per rule.
std::vector<DeadlineAction> PlannedSwaps(AllianceModel& model, const MemberPlan& plan, Days date) {
  struct Batch {
    Days deadline = kNoDate;
    std::size_t planned = 0;
    Days night = kNoDate;
    std::vector<ElementRef> done;
  };
  std::map<std::string, Batch> batches;
  for (const PlannedSwap& swap : plan.swaps) {
    Batch& batch = batches[swap.rule_id];
    batch.deadline = swap.deadline;
    ++batch.planned;
    if (swap.night == kNoDate || swap.night > date) continue;
    batch.done.push_back(swap.element);
    batch.night = std::max(batch.night, swap.night);
  }
  std::vector<std::pair<Days, std::string>> order;
  for (const auto& [rule, batch] : batches) {
    if (!batch.done.empty()) order.emplace_back(batch.deadline, rule);
  }
  std::sort(order.begin(), order.end());
  std::vector<DeadlineAction> actions;
  for (const auto& [deadline, rule] : order) {
    Batch& batch = batches[rule];
    DeadlineAction action;
    action.member = plan.member;
    action.rule_id = rule;
    action.effective = deadline;
    action.from_plan = true;
    action.night = batch.night;
    action.swapped = batch.done.size();
    action.planned = batch.planned;
    action.replacements = ReplaceElements(model, std::move(batch.done));
    actions.push_back(std::move(action));
  }
  return actions;
}

}  // namespace

std::vector<DeadlineAction> MeetDeadlines(AllianceModel& model, Days date) {
  std::vector<DeadlineAction> actions;
  if (date == kNoDate) return actions;
  for (std::size_t member = 0; member < model.spec.members.size(); ++member) {
    if (const MemberPlan* plan = model.PlanOf(member)) {
      for (DeadlineAction& action : PlannedSwaps(model, *plan, date)) actions.push_back(std::move(action));
    }
  }
  if (!model.spec.assume_deadlines_met) return actions;
  struct Due {
    Days effective;
    std::size_t member;
    std::size_t rule;
  };
  std::vector<Due> due;
  for (std::size_t member = 0; member < model.standards.size(); ++member) {
    if (model.PlanOf(member) != nullptr) continue;
    const policy::Standard& standard = *model.standards[member];
    for (std::size_t rule = 0; rule < standard.rules.size(); ++rule) {
      const policy::StandardRule& entry = standard.rules[rule];
      if (entry.Kind() != "forbid" || entry.effective == kNoDate || entry.effective > date) continue;
      due.push_back({entry.effective, member, rule});
    }
  }
  std::stable_sort(due.begin(), due.end(),
                   [](const Due& a, const Due& b) { return a.effective < b.effective; });
  for (const Due& entry : due) {
    const policy::Standard& standard = *model.standards[entry.member];
    const policy::StandardRule& rule = standard.rules[entry.rule];
    std::vector<ElementRef> forbidden;
    for (std::size_t network_index : model.member_networks[entry.member]) {
      const Network& network = model.networks[network_index];
      if (network.info.as_of == kNoDate || rule.effective <= network.info.as_of) continue;
      policy::EvaluationOptions options;
      options.as_of = rule.effective;
      options.only = {rule.id};
      for (const policy::Finding& finding : policy::Evaluate(standard, network, options).findings) {
        for (const std::string& id : finding.elements) {
          const ElementIndex element = network.FindElement(id);
          if (element != kNone) forbidden.push_back({network_index, element});
        }
      }
    }
    if (forbidden.empty()) continue;
    DeadlineAction action;
    action.member = entry.member;
    action.rule_id = rule.id;
    action.effective = rule.effective;
    action.replacements = ReplaceElements(model, std::move(forbidden));
    if (!action.replacements.empty()) actions.push_back(std::move(action));
  }
  return actions;
}

std::vector<Days> RuleDates(const AllianceModel& model, Days from, Days to) {
  std::set<Days> dates;
  for (std::size_t index = 0; index <= model.standards.size(); ++index) {
    for (const policy::StandardRule& rule : model.StandardAt(index).rules) {
      for (Days date : {rule.effective, rule.expires}) {
        if (date != kNoDate && date > from && date <= to) dates.insert(date);
      }
    }
  }
  return {dates.begin(), dates.end()};
}

}  // namespace redoubt::alliance
