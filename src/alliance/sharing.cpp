#include "alliance/sharing.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "policy/matcher.hpp"

namespace redoubt::alliance {

bool TrustMasks::InService(const Network& network, ElementIndex element) const {
  return network.elements[element].InServiceOn(as_of_);
}

const std::vector<std::uint8_t>& TrustMasks::Get(std::size_t network_index,
                                                 const std::vector<std::size_t>& standards) {
  auto key = std::make_pair(network_index, standards);
  auto found = masks_.find(key);
  if (found != masks_.end()) return found->second;
  const Network& network = model_->networks[network_index];
  std::vector<std::uint8_t> mask(network.elements.size(), 0);
  for (std::size_t index : standards) {
    const policy::Standard& standard = model_->StandardAt(index);
    if (!standard.untrusted) continue;
    const auto flags = policy::UntrustedMask(&*standard.untrusted, network);
    for (ElementIndex element = 0; element < mask.size(); ++element) mask[element] |= flags[element];
  }
  for (ElementIndex element = 0; element < mask.size(); ++element) {
    if (mask[element] != 0 && !InService(network, element)) mask[element] = 0;
  }
  return masks_.emplace(std::move(key), std::move(mask)).first->second;
}

namespace {

std::string List(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += fmt::format("{}{}", out.empty() ? "" : ", ", item);
  return out;
}

std::string Plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

// "a, b, c, … (12 in all)"
std::string Sample(const std::vector<std::string>& ids, std::size_t shown = 3) {
  std::string out;
  for (std::size_t index = 0; index < ids.size() && index < shown; ++index) {
    out += fmt::format("{}{}", index == 0 ? "" : ", ", ids[index]);
  }
  if (ids.size() > shown) out += fmt::format(", … ({} in all)", ids.size());
  return out;
}

// The words a reader without the vocabulary understands.
std::string_view PlainDomain(Domain domain) {
  switch (domain) {
    case Domain::kRan: return "radio network";
    case Domain::kTransport: return "transport network";
    case Domain::kCore: return "core network";
    case Domain::kManagement: return "network management";
    case Domain::kEdge: return "edge computing";
    default: return Name(domain);
  }
}

std::string AndList(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t index = 0; index < items.size(); ++index) {
    if (index > 0) out += index + 1 == items.size() ? " and " : ", ";
    out += items[index];
  }
  return out;
}

class CellJudge {
 public:
  // On a loaded model: judges from the networks.
  CellJudge(const AllianceModel& model, const std::vector<MemberAssessment>& members,
            const Divergence* divergence, TrustMasks& masks, ExposureCache& cache,
            bool name_elements = true)
      : spec_(model.spec), model_(&model), members_(members), divergence_(divergence),
        masks_(&masks), cache_(&cache), name_elements_(name_elements) {
    for (std::size_t network = 0; network < model.networks.size(); ++network) {
      network_index_.emplace(model.networks[network].info.id, network);
    }
  }
  // From evidence the members recorded (postures): no network is read.
  CellJudge(const AllianceSpec& spec, const std::vector<MemberAssessment>& members,
            const Divergence& divergence, const std::vector<Evidence>& evidence)
      : spec_(spec), members_(members), divergence_(&divergence) {
    for (const Evidence& entry : evidence) {
      recorded_[{entry.provider, entry.recipient, entry.rule, entry.condition, entry.host}].push_back(
          &entry);
    }
  }

  // What `member`'s networks say about every condition except max_divergence:
  // as recipient, for each provider; as host, about the services other
  // members own on them.
  std::vector<Evidence> Record(std::size_t member) {
    std::vector<Evidence> out;
    const std::size_t count = spec_.members.size();
    for (std::size_t recipient = 0; recipient < count; ++recipient) {
      for (std::size_t provider = 0; provider < count; ++provider) {
        if (provider == recipient) continue;
        for (std::size_t rule_index = 0; rule_index < spec_.sharing.size(); ++rule_index) {
          const SharingRule& rule = spec_.sharing[rule_index];
          if (rule.provider && *rule.provider != provider) continue;
          for (std::size_t condition_index = 0; condition_index < rule.conditions.size();
               ++condition_index) {
            const Condition& condition = rule.conditions[condition_index];
            Evidence entry;
            entry.provider = provider;
            entry.recipient = recipient;
            entry.rule = rule_index;
            entry.condition = condition_index;
            if (condition.kind == ConditionKind::kClassifiedOnTrustedPaths) {
              const bool abroad = recipient != member;
              if (abroad && spec_.HostCounts(rule.level) == HostExposure::kNone) continue;
              ClassifiedTally tally = Tally(condition, rule, provider, recipient, abroad);
              if (tally.considered == 0) continue;
              entry.host = abroad;
              entry.considered = tally.considered;
              entry.failing = tally.failing;
              entry.failing_abroad = tally.failing_abroad;
              entry.hosts.assign(tally.hosts.begin(), tally.hosts.end());
              entry.details = std::move(tally.details);
              entry.elements = tally.refs.size();
              if (name_elements_) entry.element_ids = Ids(tally.refs);
              out.push_back(std::move(entry));
              continue;
            }
            if (recipient != member || condition.kind == ConditionKind::kMaxDivergence) continue;
            Shortfall shortfall;
            if (Holds(condition, rule, provider, recipient, shortfall)) continue;
            entry.summary = std::move(shortfall.summary);
            entry.plain = std::move(shortfall.plain);
            entry.details = std::move(shortfall.details);
            entry.rules = std::move(shortfall.rules);
            entry.elements = shortfall.element_count;
            if (name_elements_) entry.element_ids = Ids(shortfall.elements);
            out.push_back(std::move(entry));
          }
        }
      }
    }
    return out;
  }

  Cell Judge(std::size_t provider, std::size_t recipient) {
    Cell cell;
    cell.provider = provider;
    cell.recipient = recipient;
    if (provider == recipient) return cell;
    for (std::size_t rule_index = 0; rule_index < spec_.sharing.size(); ++rule_index) {
      const SharingRule& rule = spec_.sharing[rule_index];
      if (rule.provider && *rule.provider != provider) continue;
      for (std::size_t condition_index = 0; condition_index < rule.conditions.size();
           ++condition_index) {
        Shortfall shortfall;
        shortfall.rule = rule_index;
        shortfall.condition = condition_index;
        shortfall.level = rule.level;
        shortfall.source = rule.provider
                               ? fmt::format("provider {}", spec_.members[provider].code)
                               : std::string("alliance");
        shortfall.rationale = rule.rationale;
        const Condition& condition = rule.conditions[condition_index];
        shortfall.condition_text = Describe(condition, rule, provider);
        if (condition.kind == ConditionKind::kClassifiedOnTrustedPaths) {
          // The recipient's own networks, then the networks its services ride on abroad.
          Shortfall abroad = shortfall;
          if (!ClassifiedHolds(condition, rule, provider, recipient, false, shortfall)) {
            cell.shortfalls.push_back(std::move(shortfall));
          }
          const HostExposure counts = spec_.HostCounts(rule.level);
          if (counts != HostExposure::kNone) {
            abroad.host = true;
            abroad.condition_text += fmt::format(" — host networks ({})", Name(counts));
            // Why host networks count so at this level: the host_networks entry's reason.
            for (const HostRule& host_rule : spec_.host_networks) {
              if (host_rule.level <= rule.level && !host_rule.rationale.empty()) {
                abroad.rationale = host_rule.rationale;
              }
            }
            if (!ClassifiedHolds(condition, rule, provider, recipient, true, abroad)) {
              cell.shortfalls.push_back(std::move(abroad));
            }
          }
          continue;
        }
        if (!Holds(condition, rule, provider, recipient, shortfall)) {
          cell.shortfalls.push_back(std::move(shortfall));
        }
      }
    }
    std::stable_sort(cell.shortfalls.begin(), cell.shortfalls.end(),
                     [](const Shortfall& a, const Shortfall& b) { return a.level < b.level; });
    const std::size_t top = spec_.levels.size() - 1;
    if (cell.shortfalls.empty()) {
      cell.level = top;
    } else if (cell.shortfalls.front().level > 0) {
      cell.level = cell.shortfalls.front().level - 1;
    }
    cell.reason = Reason(cell);
    return cell;
  }

 private:
  std::vector<std::size_t> Sources(const Condition& condition, std::size_t provider,
                                   std::size_t recipient) const {
    std::vector<std::size_t> out;
    for (const TrustSource& source : condition.untrusted_by) {
      switch (source.kind) {
        case TrustSource::Kind::kBaseline: out.push_back(0); break;
        case TrustSource::Kind::kProvider: out.push_back(provider + 1); break;
        case TrustSource::Kind::kRecipient: out.push_back(recipient + 1); break;
        case TrustSource::Kind::kMember: out.push_back(source.member + 1); break;
      }
    }
    if (out.empty()) out.push_back(0);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  Classification Threshold(const Condition& condition, const SharingRule& rule) const {
    if (condition.min_classification) return *condition.min_classification;
    return ParseName<Classification>(spec_.levels[rule.level]).value_or(Classification::kTopSecret);
  }

  std::string Describe(const Condition& condition, const SharingRule& rule,
                       std::size_t provider) const {
    std::string text(Name(condition.kind));
    switch (condition.kind) {
      case ConditionKind::kBaselineMaxSeverity:
        text += fmt::format(" {}", policy::Name(condition.max_severity));
        if (!condition.except_rules.empty()) {
          text += fmt::format(" (except {})", List(condition.except_rules));
        }
        break;
      case ConditionKind::kMaxDivergence:
        text += fmt::format(" {:.2f}", condition.max_divergence);
        break;
      case ConditionKind::kNoUntrustedIn: {
        std::vector<std::string> names;
        for (Domain domain : condition.domains) names.emplace_back(Name(domain));
        text += fmt::format(" [{}]", List(names));
        break;
      }
      case ConditionKind::kNoVendor: text += fmt::format(" [{}]", List(condition.vendors)); break;
      case ConditionKind::kClassifiedOnTrustedPaths: {
        std::vector<std::string> sectors;
        for (Sector sector : condition.sectors) sectors.emplace_back(Name(sector));
        text += fmt::format(" ({} and above{})", Name(Threshold(condition, rule)),
                            sectors.empty() ? "" : ", " + List(sectors));
        break;
      }
    }
    if (!condition.untrusted_by.empty()) {
      std::vector<std::string> who;
      for (const TrustSource& source : condition.untrusted_by) {
        switch (source.kind) {
          case TrustSource::Kind::kBaseline: who.emplace_back("baseline"); break;
          case TrustSource::Kind::kProvider:
            who.push_back(fmt::format("provider {}", spec_.members[provider].code));
            break;
          case TrustSource::Kind::kRecipient: who.emplace_back("recipient"); break;
          case TrustSource::Kind::kMember: who.push_back(spec_.members[source.member].code); break;
        }
      }
      text += fmt::format(" (untrusted by {})", List(who));
    }
    return text;
  }

  std::string VendorId(const Network& network, ElementIndex element) const {
    const VendorIndex vendor = network.elements[element].vendor;
    return vendor == kNone ? "unknown" : std::string(network.Str(network.vendors[vendor].id));
  }

  // "Huawei (40), ZTE (2)": the vendors' names with their element counts.
  std::string VendorTally(const std::vector<ElementRef>& elements) const {
    std::map<std::string, std::size_t> counts;
    for (const ElementRef& ref : elements) {
      const Network& network = model_->networks[ref.network];
      const VendorIndex vendor = network.elements[ref.element].vendor;
      const std::string name = vendor == kNone || network.vendors[vendor].name.empty()
                                   ? VendorId(network, ref.element)
                                   : network.vendors[vendor].name;
      ++counts[name];
    }
    std::vector<std::string> parts;
    for (const auto& [name, count] : counts) parts.push_back(fmt::format("{} ({})", name, count));
    return AndList(parts);
  }

  // Groups elements by (network, domain, vendor) into details and a summary.
  void DescribeElements(const std::vector<ElementRef>& elements, std::string_view noun,
                        Shortfall& shortfall) const {
    std::map<std::tuple<std::size_t, Domain, std::string>, std::pair<std::set<std::string>, std::vector<std::string>>> groups;
    std::map<std::pair<Domain, std::string>, std::size_t> totals;
    for (const ElementRef& ref : elements) {
      const Network& network = model_->networks[ref.network];
      const Element& record = network.elements[ref.element];
      auto& group = groups[{ref.network, record.domain, VendorId(network, ref.element)}];
      group.first.insert(network.kinds[record.kind].name);
      group.second.emplace_back(network.ElementId(ref.element));
      ++totals[{record.domain, VendorId(network, ref.element)}];
    }
    for (auto& [key, group] : groups) {
      auto& [network, domain, vendor] = key;
      std::sort(group.second.begin(), group.second.end());
      shortfall.details.push_back(fmt::format(
          "{}: {} {} element{} of vendor {} ({}){}", model_->networks[network].info.id,
          group.second.size(), Name(domain), group.second.size() == 1 ? "" : "s", vendor,
          List(std::vector<std::string>(group.first.begin(), group.first.end())),
          name_elements_ ? ": " + Sample(group.second) : std::string()));
    }
    std::vector<std::string> parts;
    for (const auto& [key, count] : totals) {
      parts.push_back(fmt::format("{} {} element{} of vendor {}", count, Name(key.first),
                                  count == 1 ? "" : "s", key.second));
    }
    shortfall.summary = fmt::format("{}: {}", noun, List(parts));
    shortfall.elements = elements;
    shortfall.element_count = elements.size();
  }

  bool Holds(const Condition& condition, const SharingRule& rule, std::size_t provider,
             std::size_t recipient, Shortfall& shortfall) {
    if (model_ == nullptr && condition.kind != ConditionKind::kMaxDivergence &&
        condition.kind != ConditionKind::kClassifiedOnTrustedPaths) {
      return ReplayHolds(provider, recipient, shortfall);
    }
    switch (condition.kind) {
      case ConditionKind::kBaselineMaxSeverity: return BaselineHolds(condition, recipient, shortfall);
      case ConditionKind::kNoUntrustedIn: {
        const auto sources = Sources(condition, provider, recipient);
        std::vector<ElementRef> found;
        for (std::size_t network_index : model_->member_networks[recipient]) {
          const Network& network = model_->networks[network_index];
          const auto& mask = masks_->Get(network_index, sources);
          for (ElementIndex element = 0; element < network.elements.size(); ++element) {
            if (mask[element] == 0) continue;
            const Domain domain = network.elements[element].domain;
            if (std::find(condition.domains.begin(), condition.domains.end(), domain) !=
                condition.domains.end()) {
              found.push_back({network_index, element});
            }
          }
        }
        if (found.empty()) return true;
        DescribeElements(found, "untrusted equipment", shortfall);
        std::set<Domain> domains;
        for (const ElementRef& ref : found) {
          domains.insert(model_->networks[ref.network].elements[ref.element].domain);
        }
        std::vector<std::string> names;
        for (Domain domain : domains) names.emplace_back(PlainDomain(domain));
        shortfall.plain = fmt::format("{} has high-risk suppliers' equipment in its {}: {}",
                                      spec_.members[recipient].code, AndList(names),
                                      VendorTally(found));
        return false;
      }
      case ConditionKind::kNoVendor: {
        std::vector<ElementRef> found;
        for (std::size_t network_index : model_->member_networks[recipient]) {
          const Network& network = model_->networks[network_index];
          for (ElementIndex element = 0; element < network.elements.size(); ++element) {
            if (!masks_->InService(network, element)) continue;
            const std::string vendor = VendorId(network, element);
            if (std::binary_search(condition.vendors.begin(), condition.vendors.end(), vendor)) {
              found.push_back({network_index, element});
            }
          }
        }
        if (found.empty()) return true;
        DescribeElements(found, "equipment of a named vendor", shortfall);
        shortfall.plain = fmt::format(
            "{}'s networks carry {} equipment, which {} does not accept at {}",
            spec_.members[recipient].code, VendorTally(found),
            rule.provider ? spec_.members[provider].code : std::string("the alliance"),
            spec_.levels[rule.level]);
        return false;
      }
      case ConditionKind::kClassifiedOnTrustedPaths:
        return ClassifiedHolds(condition, rule, provider, recipient, false, shortfall);
      case ConditionKind::kMaxDivergence: {
        const double shortfall_value = divergence_->shortfall[provider][recipient];
        if (shortfall_value <= condition.max_divergence) return true;
        const std::string& from = spec_.members[provider].code;
        const std::string& to = spec_.members[recipient].code;
        shortfall.summary = fmt::format("{}'s posture falls short of {}'s by F = {:.3f}, above {:.2f}",
                                        to, from, shortfall_value, condition.max_divergence);
        shortfall.details.push_back(fmt::format(
            "F({} -> {}) = weighted mean of max(0, {} - {}) over the posture vector = {:.3f}; "
            "divergence D({}, {}) = {:.3f}",
            from, to, to, from, shortfall_value, from, to, divergence_->total[provider][recipient]));
        shortfall.plain = fmt::format(
            "{} depends on high-risk suppliers more than {} does, by {:.2f} on the posture scale "
            "where {} accepts at most {:.2f}",
            to, from, shortfall_value, rule.provider ? from : std::string("the alliance"),
            condition.max_divergence);
        return false;
      }
    }
    return true;
  }

  bool BaselineHolds(const Condition& condition, std::size_t recipient, Shortfall& shortfall) {
    const MemberAssessment& member = members_[recipient];
    std::vector<const policy::Finding*> above;
    for (const policy::Finding& finding : member.baseline_findings) {
      if (finding.severity <= condition.max_severity) continue;
      if (std::binary_search(condition.except_rules.begin(), condition.except_rules.end(),
                             finding.rule_id)) {
        continue;
      }
      above.push_back(&finding);
    }
    if (above.empty()) return true;
    std::map<std::string, std::size_t> by_rule;
    std::set<ElementRef> elements;
    for (const policy::Finding* finding : above) {
      ++by_rule[finding->rule_id];
      // A finding's message names its elements and sites; counts alone do not.
      shortfall.details.push_back(
          name_elements_ ? fmt::format("[{}] {} on {}: {}", policy::Name(finding->severity),
                                       finding->rule_id, finding->network, finding->message)
                         : fmt::format("[{}] {} on {}", policy::Name(finding->severity),
                                       finding->rule_id, finding->network));
      const auto network = network_index_.find(finding->network);
      if (network == network_index_.end()) continue;
      const Network& host = model_->networks[network->second];
      for (const std::string& id : finding->elements) {
        const ElementIndex element = host.FindElement(id);
        if (element != kNone) elements.insert({network->second, element});
      }
    }
    std::vector<std::string> parts;
    for (const auto& [rule_id, count] : by_rule) {
      parts.push_back(fmt::format("{} ({})", rule_id, count));
      shortfall.rules.push_back(rule_id);
    }
    shortfall.summary = fmt::format("{} above {}: {}", Plural(above.size(), "baseline finding"),
                                    policy::Name(condition.max_severity), List(parts));
    std::vector<std::string> titles;
    for (const auto& [rule_id, count] : by_rule) {
      const policy::StandardRule* own = model_->standards[recipient]->FindRule(rule_id);
      const policy::StandardRule* base = model_->baseline->FindRule(rule_id);
      const policy::StandardRule* found = own != nullptr ? own : base;
      std::string title = found != nullptr && !found->title.empty() ? found->title : rule_id;
      if (!title.empty()) title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
      titles.push_back(fmt::format("\"{}\" ({})", title, Plural(count, "finding")));
    }
    shortfall.plain = fmt::format("{} breaks the alliance's minimum standard above {} severity: {}",
                                  spec_.members[recipient].code,
                                  policy::Name(condition.max_severity), AndList(titles));
    shortfall.elements.assign(elements.begin(), elements.end());
    shortfall.element_count = elements.size();
    return false;
  }

  // classified_on_trusted_paths on some networks, before it is put in words.
  struct ClassifiedTally {
    std::size_t considered = 0;
    std::size_t failing = 0;
    std::size_t failing_abroad = 0;
    std::set<std::string> hosts;
    std::set<ElementRef> refs;  // on a loaded model
    std::size_t elements = 0;   // distinct elements crossed
    std::vector<std::string> details;
  };

  // On the recipient's own networks (`abroad` false: primary routes free of
  // untrusted equipment) or on other members' (as host_networks says).
  ClassifiedTally Tally(const Condition& condition, const SharingRule& rule, std::size_t provider,
                        std::size_t recipient, bool abroad) {
    ClassifiedTally tally;
    const HostExposure counts = abroad ? spec_.HostCounts(rule.level) : HostExposure::kEspionage;
    const Classification threshold = Threshold(condition, rule);
    const std::string& code = spec_.members[recipient].code;
    const auto sources = Sources(condition, provider, recipient);
    for (std::size_t network_index = 0; network_index < model_->networks.size(); ++network_index) {
      const Network& network = model_->networks[network_index];
      const bool own = model_->network_member[network_index] == recipient;
      if (own == abroad) continue;
      std::vector<ServiceIndex> selected;
      for (ServiceIndex service = 0; service < network.services.size(); ++service) {
        const Service& record = network.services[service];
        const bool owned = record.owner == code || (own && record.owner.empty());
        if (!owned || record.classification < threshold) continue;
        if (!condition.sectors.empty() &&
            !std::binary_search(condition.sectors.begin(), condition.sectors.end(), record.sector)) {
          continue;
        }
        selected.push_back(service);
      }
      if (selected.empty()) continue;
      tally.considered += selected.size();
      const auto& mask = masks_->Get(network_index, sources);
      const ExposureResult& result = cache_->Get(network, mask);
      const std::string host = spec_.members[model_->network_member[network_index]].code;
      for (ServiceIndex service : selected) {
        const ServiceExposure& exposure = result.services[service];
        const bool fails = counts == HostExposure::kSabotage
                               ? exposure.up && !exposure.survives_untrusted_loss
                               : TraversesUntrusted(exposure);
        if (!fails) continue;
        ++tally.failing;
        if (!own) ++tally.failing_abroad;
        tally.hosts.insert(host);
        std::vector<std::string> crossed;
        for (ElementIndex element : exposure.untrusted_on_routes) {
          tally.refs.insert({network_index, element});
          crossed.push_back(fmt::format("{} {} {}", VendorId(network, element),
                                        network.Kind(element).name, network.ElementId(element)));
        }
        // Counts alone name neither the service (its id may be its site's) nor the elements.
        tally.details.push_back(fmt::format(
            "{}'s service {}({}, {}) on {} network {} {} {}", code,
            name_elements_ ? std::string(network.Str(network.services[service].id)) + " " : std::string(),
            Name(network.services[service].sector),
            Name(network.services[service].classification), host, network.info.id,
            counts == HostExposure::kSabotage ? "goes down without the untrusted" : "crosses",
            name_elements_ ? Sample(crossed, 4) : Plural(crossed.size(), "element")));
      }
    }
    tally.elements = tally.refs.size();
    return tally;
  }

  bool ClassifiedHolds(const Condition& condition, const SharingRule& rule, std::size_t provider,
                       std::size_t recipient, bool abroad, Shortfall& shortfall) {
    ClassifiedTally tally;
    if (model_ != nullptr) {
      tally = Tally(condition, rule, provider, recipient, abroad);
    } else {
      // Each network's part, as the member holding it recorded it, in member order.
      for (const Evidence* entry : Recorded(provider, recipient, shortfall, abroad)) {
        tally.considered += entry->considered;
        tally.failing += entry->failing;
        tally.failing_abroad += entry->failing_abroad;
        tally.hosts.insert(entry->hosts.begin(), entry->hosts.end());
        tally.elements += entry->elements;
        tally.details.insert(tally.details.end(), entry->details.begin(), entry->details.end());
      }
    }
    if (tally.failing == 0) return true;
    const HostExposure counts = abroad ? spec_.HostCounts(rule.level) : HostExposure::kEspionage;
    const Classification threshold = Threshold(condition, rule);
    const std::string& code = spec_.members[recipient].code;
    const std::size_t failing = tally.failing;
    const std::size_t considered = tally.considered;
    const std::size_t failing_abroad = tally.failing_abroad;
    shortfall.details = std::move(tally.details);
    const std::vector<std::string> where(tally.hosts.begin(), tally.hosts.end());
    if (counts == HostExposure::kSabotage) {
      shortfall.summary = fmt::format(
          "{} of {} {}+ service{} of {} on host networks go down when untrusted equipment is "
          "switched off (host-nation exposure)", failing, considered, Name(threshold),
          considered == 1 ? "" : "s", code);
      shortfall.plain = fmt::format(
          "{}'s classified services in {} depend on the host network, and high-risk suppliers' "
          "equipment there could cut them off ({} of {})",
          code, AndList(where), failing, considered);
    } else {
      shortfall.summary = fmt::format(
          "{} of {} {}+ service{} of {} cross untrusted equipment{}", failing, considered,
          Name(threshold), considered == 1 ? "" : "s", code,
          failing_abroad == 0 ? "" : fmt::format(" ({} cross-border)", failing_abroad));
      shortfall.plain =
          abroad ? fmt::format("{}'s classified services in {} route through high-risk suppliers' "
                               "equipment on the host network ({} of {})",
                               code, AndList(where), failing, considered)
                 : fmt::format("{}'s own classified services route through high-risk suppliers' "
                               "equipment ({} of {})",
                               code, failing, considered);
    }
    shortfall.elements.assign(tally.refs.begin(), tally.refs.end());
    shortfall.element_count = tally.elements;
    return false;
  }

  // What the members recorded for one condition of one cell.
  std::vector<const Evidence*> Recorded(std::size_t provider, std::size_t recipient,
                                        const Shortfall& shortfall, bool host) const {
    auto found = recorded_.find({provider, recipient, shortfall.rule, shortfall.condition, host});
    return found == recorded_.end() ? std::vector<const Evidence*>{} : found->second;
  }

  // A recorded shortfall of a condition other than classified_on_trusted_paths.
  bool ReplayHolds(std::size_t provider, std::size_t recipient, Shortfall& shortfall) const {
    const auto entries = Recorded(provider, recipient, shortfall, false);
    if (entries.empty()) return true;
    const Evidence& entry = *entries.front();
    shortfall.summary = entry.summary;
    shortfall.plain = entry.plain;
    shortfall.details = entry.details;
    shortfall.rules = entry.rules;
    shortfall.element_count = entry.elements;
    return false;
  }

  std::vector<std::string> Ids(const std::vector<ElementRef>& refs) const {
    std::vector<std::string> out;
    for (const ElementRef& ref : refs) out.emplace_back(model_->networks[ref.network].ElementId(ref.element));
    return out;
  }
  std::vector<std::string> Ids(const std::set<ElementRef>& refs) const {
    return Ids(std::vector<ElementRef>(refs.begin(), refs.end()));
  }

  std::string Reason(const Cell& cell) const {
    const std::string& from = spec_.members[cell.provider].code;
    const std::string& to = spec_.members[cell.recipient].code;
    const auto holding = cell.Holding();
    if (holding.empty()) {
      return fmt::format("{} shares {} with {}: nothing is withheld.", from,
                         spec_.levels.back(), to);
    }
    std::vector<std::string> why;
    for (const Shortfall* shortfall : holding) {
      if (std::find(why.begin(), why.end(), shortfall->plain) == why.end()) {
        why.push_back(shortfall->plain);
      }
    }
    const std::string& withheld = spec_.levels[holding.front()->level];
    if (!cell.level) {
      return fmt::format("{} shares nothing with {}, not even {}: {}.", from, to, withheld,
                         fmt::join(why, "; "));
    }
    return fmt::format("{} shares {} with {}, not {}: {}.", from, spec_.levels[*cell.level],
                       to, withheld, fmt::join(why, "; "));
  }

  const AllianceSpec& spec_;
  const AllianceModel* model_ = nullptr;  // nullptr: judged from `recorded_`
  const std::vector<MemberAssessment>& members_;
  const Divergence* divergence_ = nullptr;
  TrustMasks* masks_ = nullptr;
  ExposureCache* cache_ = nullptr;
  bool name_elements_ = true;
  std::map<std::string, std::size_t> network_index_;
  std::map<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t, bool>,
           std::vector<const Evidence*>>
      recorded_;
};

}  // namespace

std::vector<const Shortfall*> Cell::Holding() const {
  std::vector<const Shortfall*> out;
  for (const Shortfall& shortfall : shortfalls) {
    if (shortfall.level == shortfalls.front().level) out.push_back(&shortfall);
  }
  return out;
}

std::vector<Cell> ComputeCells(const AllianceModel& model,
                               const std::vector<MemberAssessment>& members,
                               const Divergence& divergence, TrustMasks& masks,
                               ExposureCache& cache) {
  CellJudge judge(model, members, &divergence, masks, cache);
  std::vector<Cell> cells;
  const std::size_t count = model.spec.members.size();
  for (std::size_t provider = 0; provider < count; ++provider) {
    for (std::size_t recipient = 0; recipient < count; ++recipient) {
      cells.push_back(judge.Judge(provider, recipient));
    }
  }
  return cells;
}

}  // namespace redoubt::alliance

namespace redoubt::alliance {

std::vector<Evidence> RecordEvidence(const AllianceModel& model,
                                     const std::vector<MemberAssessment>& members,
                                     std::size_t member, TrustMasks& masks, ExposureCache& cache,
                                     bool name_elements) {
  CellJudge judge(model, members, nullptr, masks, cache, name_elements);
  return judge.Record(member);
}

std::vector<Cell> CellsFromEvidence(const AllianceSpec& spec,
                                    const std::vector<MemberAssessment>& members,
                                    const Divergence& divergence,
                                    const std::vector<Evidence>& evidence) {
  CellJudge judge(spec, members, divergence, evidence);
  std::vector<Cell> cells;
  const std::size_t count = spec.members.size();
  for (std::size_t provider = 0; provider < count; ++provider) {
    for (std::size_t recipient = 0; recipient < count; ++recipient) {
      cells.push_back(judge.Judge(provider, recipient));
    }
  }
  return cells;
}

}  // namespace redoubt::alliance
