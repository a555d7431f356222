#include "alliance/assessment.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "alliance/sharing.hpp"
#include "analysis/service_rule_evaluator.hpp"
#include "policy/evaluate.hpp"
#include "policy/matcher.hpp"

namespace redoubt::alliance {

std::string LevelName(const AllianceSpec& spec, std::optional<std::size_t> level) {
  return level ? spec.levels[*level] : std::string("none");
}

namespace {

void Count(const std::vector<policy::Finding>& findings, SeverityCounts& counts) {
  for (const policy::Finding& finding : findings) ++counts[static_cast<std::size_t>(finding.severity)];
}

// Own-standard and baseline findings of one member on its networks.
void EvaluateCompliance(const AllianceModel& model, std::size_t member, Days as_of,
                        const policy::ServiceEvaluator& services, MemberAssessment& out) {
  const policy::Standard& own = *model.standards[member];
  std::set<std::string> baseline_ids;
  for (const policy::StandardRule& rule : model.baseline->rules) baseline_ids.insert(rule.id);
  // Baseline rules the member's standard does not read in its own way.
  std::vector<std::string> baseline_only;
  for (const std::string& id : baseline_ids) {
    if (own.FindRule(id) == nullptr) baseline_only.push_back(id);
  }
  std::set<std::string> not_evaluated;
  for (std::size_t network_index : model.member_networks[member]) {
    const Network& network = model.networks[network_index];
    policy::EvaluationOptions options;
    options.as_of = as_of;
    options.services = &services;
    policy::Evaluation evaluation = policy::Evaluate(own, network, options);
    for (const policy::RuleStatus& status : evaluation.rules) {
      if (status.binding && !status.evaluated) not_evaluated.insert(own.rules[status.rule].id);
    }
    for (const policy::Finding& finding : evaluation.findings) {
      if (baseline_ids.count(finding.rule_id) != 0) out.baseline_findings.push_back(finding);
      out.standard_findings.push_back(finding);
    }
    if (!baseline_only.empty()) {
      options.only = baseline_only;
      for (policy::Finding& finding : policy::Evaluate(*model.baseline, network, options).findings) {
        out.baseline_findings.push_back(std::move(finding));
      }
    }
  }
  policy::SortFindings(out.baseline_findings);
  policy::SortFindings(out.standard_findings);
  Count(out.baseline_findings, out.baseline);
  Count(out.standard_findings, out.standard);
  out.not_evaluated.assign(not_evaluated.begin(), not_evaluated.end());
}

// Baseline service findings about services another member owns count for it too.
void AttributeCrossBorder(const AllianceModel& model, std::vector<MemberAssessment>& members) {
  std::map<std::string, std::size_t> network_by_id;
  for (std::size_t index = 0; index < model.networks.size(); ++index) {
    network_by_id.emplace(model.networks[index].info.id, index);
  }
  for (MemberAssessment& host : members) {
    for (const policy::Finding& finding : host.baseline_findings) {
      if (finding.services.empty()) continue;
      const auto network_index = network_by_id.find(finding.network);
      if (network_index == network_by_id.end()) continue;
      const Network& network = model.networks[network_index->second];
      std::set<std::size_t> owners;
      for (const Service& service : network.services) {
        if (std::find(finding.services.begin(), finding.services.end(), network.Str(service.id)) ==
            finding.services.end()) {
          continue;
        }
        if (auto owner = model.spec.FindMember(service.owner); owner && *owner != host.member) {
          owners.insert(*owner);
        }
      }
      for (std::size_t owner : owners) members[owner].cross_border_findings.push_back(finding);
    }
  }
  for (MemberAssessment& member : members) policy::SortFindings(member.cross_border_findings);
}

std::vector<StandardProfile> Profiles(const AllianceModel& original, Days as_of,
                                      std::vector<std::string>& vendors) {
  std::set<std::string> names;
  for (const Network& network : original.networks) {
    for (const Element& element : network.elements) {
      if (element.vendor != kNone) names.emplace(network.Str(network.vendors[element.vendor].id));
    }
  }
  vendors.assign(names.begin(), names.end());
  std::vector<StandardProfile> profiles;
  for (const auto& standard_ptr : original.standards) {
    const policy::Standard& standard = *standard_ptr;
    StandardProfile profile;
    profile.untrusted_vendors.assign(vendors.size(), 0);
    if (standard.untrusted) {
      for (const Network& network : original.networks) {
        const auto mask = policy::UntrustedMask(&*standard.untrusted, network);
        for (ElementIndex element = 0; element < network.elements.size(); ++element) {
          if (mask[element] == 0 || network.elements[element].vendor == kNone) continue;
          const std::string_view id = network.Str(network.vendors[network.elements[element].vendor].id);
          const auto at = std::lower_bound(vendors.begin(), vendors.end(), id);
          profile.untrusted_vendors[static_cast<std::size_t>(at - vendors.begin())] = 1;
        }
      }
    }
    for (const policy::StandardRule& rule : standard.rules) {
      if (rule.BindsOn(as_of)) profile.binding_rules.insert(rule.id);
    }
    profiles.push_back(std::move(profile));
  }
  return profiles;
}

}  // namespace

std::vector<MemberAssessment> AssessMembers(const AllianceModel& model,
                                            std::vector<DeadlineAction> deadlines,
                                            const AssessOptions& options, TrustMasks& masks) {
  ExposureCache& cache = *options.cache;
  const ExposureServiceEvaluator evaluator(cache);
  std::vector<MemberAssessment> members;
  const std::size_t count = model.spec.members.size();
  for (std::size_t member = 0; member < count; ++member) {
    MemberAssessment entry;
    entry.member = member;
    EvaluateCompliance(model, member, options.as_of, evaluator, entry);
    for (DeadlineAction& action : deadlines) {
      if (action.member == member) entry.deadlines.push_back(action);
    }
    members.push_back(std::move(entry));
  }
  AttributeCrossBorder(model, members);
  std::vector<std::vector<std::uint8_t>> baseline_masks;
  for (std::size_t network = 0; network < model.networks.size(); ++network) {
    baseline_masks.push_back(masks.Get(network, {0}));
  }
  for (MemberAssessment& member : members) {
    member.posture = ComputePosture(model, member.member, baseline_masks, cache);
    if (options.resilience) {
      member.posture.resilience_loss = options.resilience(model, member.member, options.as_of);
    }
  }
  return members;
}

std::vector<StandardProfile> StandardProfiles(const AllianceModel& model, Days as_of,
                                              std::vector<std::string>& vendors) {
  return Profiles(model, as_of, vendors);
}

Assessment AssessPrepared(const AllianceModel& model, std::vector<DeadlineAction> deadlines,
                          const AssessOptions& options) {
  Assessment assessment;
  assessment.as_of = options.as_of;
  TrustMasks masks(model, options.as_of);
  assessment.members = AssessMembers(model, std::move(deadlines), options, masks);
  std::vector<Posture> postures;
  for (const MemberAssessment& member : assessment.members) postures.push_back(member.posture);
  std::vector<std::string> vendors;
  auto profiles = Profiles(model, options.as_of, vendors);
  assessment.divergence = ComputeDivergence(postures, profiles, std::move(vendors));
  assessment.cells =
      ComputeCells(model, assessment.members, assessment.divergence, masks, *options.cache);
  return assessment;
}

Assessment Assess(const AllianceModel& model, const AssessOptions& options) {
  AllianceModel on_date = model;
  auto deadlines = MeetDeadlines(on_date, options.as_of);
  return AssessPrepared(on_date, std::move(deadlines), options);
}

}  // namespace redoubt::alliance
