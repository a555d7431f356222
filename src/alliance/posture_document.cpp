#include "alliance/posture_document.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "alliance/alliance_reader.hpp"
#include "core/hash.hpp"
#include "core/text.hpp"
#include "trust/signed_document.hpp"

namespace redoubt::alliance {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string_view Name(Disclosure disclosure) {
  return disclosure == Disclosure::kElements ? "elements" : "counts";
}

std::optional<Disclosure> ParseDisclosure(std::string_view text) {
  if (text == "counts") return Disclosure::kCounts;
  if (text == "elements") return Disclosure::kElements;
  return std::nullopt;
}

bool PostureSet::Complete() const {
  return std::all_of(members.begin(), members.end(), [](const auto& entry) { return entry.has_value(); });
}

std::string RulesFingerprint(const AllianceSpec& spec) {
  // Everything of the alliance file that a posture's figures and evidence
  // depend on, in a canonical text: levels, members, the sharing rules and
  // their conditions by index, host networks and the deadline basis; then the
  // bytes of the baseline and of every member's standard.
  std::string text = fmt::format("alliance {}\nlevels {}\n", spec.id, fmt::join(spec.levels, ","));
  for (const MemberSpec& member : spec.members) text += fmt::format("member {}\n", member.code);
  for (const SharingRule& rule : spec.sharing) {
    text += fmt::format("rule {} {}\n", rule.level,
                        rule.provider ? spec.members[*rule.provider].code : std::string("*"));
    for (const Condition& condition : rule.conditions) {
      std::vector<std::string_view> domains;
      for (Domain domain : condition.domains) domains.push_back(Name(domain));
      std::vector<std::string_view> sectors;
      for (Sector sector : condition.sectors) sectors.push_back(Name(sector));
      std::vector<std::string> untrusted_by;
      for (const TrustSource& source : condition.untrusted_by) {
        untrusted_by.push_back(fmt::format("{}:{}", static_cast<int>(source.kind), source.member));
      }
      text += fmt::format(
          "  {} {} [{}] {:.17g} [{}] [{}] {} [{}] [{}]\n", Name(condition.kind),
          policy::Name(condition.max_severity), fmt::join(condition.except_rules, ","),
          condition.max_divergence, fmt::join(domains, ","), fmt::join(condition.vendors, ","),
          condition.min_classification ? Name(*condition.min_classification) : "-",
          fmt::join(sectors, ","), fmt::join(untrusted_by, ","));
    }
  }
  for (const HostRule& host : spec.host_networks) {
    text += fmt::format("host {} {}\n", host.level, Name(host.counts));
  }
  text += fmt::format("deadlines_assumed_met {}\n", spec.assume_deadlines_met);
  text += fmt::format("baseline {}\n", FileContentHash(spec.baseline));
  for (const MemberSpec& member : spec.members) {
    text += fmt::format("standard {} {}\n", member.code,
                        member.standard.empty() ? std::string("-") : FileContentHash(member.standard));
  }
  return ContentHash(text);
}

namespace {

// ---- writing ---------------------------------------------------------------

Json Counts(const SeverityCounts& counts) {
  Json out = Json::object();
  for (std::size_t index = counts.size(); index-- > 0;) {
    out[std::string(policy::Name(static_cast<policy::RuleSeverity>(index)))] = counts[index];
  }
  return out;
}

Json ByRule(const std::vector<policy::Finding>& findings) {
  std::map<std::pair<std::string, policy::RuleSeverity>, std::size_t> counts;
  for (const policy::Finding& finding : findings) ++counts[{finding.rule_id, finding.severity}];
  Json out = Json::array();
  for (const auto& [key, count] : counts) {
    out.push_back(Json{{"rule", key.first}, {"severity", policy::Name(key.second)}, {"findings", count}});
  }
  return out;
}

Json Compliance(const MemberAssessment& member) {
  return Json{{"baseline", Counts(member.baseline)},
              {"standard", Counts(member.standard)},
              {"by_rule", Json{{"baseline", ByRule(member.baseline_findings)},
                               {"standard", ByRule(member.standard_findings)}}}};
}

Json FindingRefs(const std::vector<policy::Finding>& findings, bool ids) {
  Json out = Json::array();
  for (const policy::Finding& finding : findings) {
    Json ref{{"rule", finding.rule_id},
             {"severity", policy::Name(finding.severity)},
             {"network", finding.network}};
    if (ids) {
      ref["subject"] = finding.subject;
      ref["elements"] = finding.elements;
      ref["services"] = finding.services;
    }
    out.push_back(std::move(ref));
  }
  return out;
}

Json Totals(const GroupTotals& totals) {
  return Json{{"services", totals.services},
              {"weight", totals.weight},
              {"up", totals.up},
              {"exposed", totals.exposed},
              {"exposed_weight", totals.exposed_weight},
              {"lost_without_untrusted", totals.lost_without_untrusted},
              {"lost_without_untrusted_weight", totals.lost_without_untrusted_weight},
              {"with_single_points", totals.with_single_points}};
}

Json EvidenceJson(const AllianceSpec& spec, const Evidence& entry, bool ids) {
  Json out{{"provider", spec.members[entry.provider].code},
           {"rule", entry.rule},
           {"condition", entry.condition},
           {"host", entry.host},
           {"summary", entry.summary},
           {"plain", entry.plain},
           {"details", entry.details},
           {"rules", entry.rules},
           {"elements", entry.elements},
           {"considered", entry.considered},
           {"failing", entry.failing},
           {"failing_abroad", entry.failing_abroad},
           {"hosts", entry.hosts}};
  if (ids) out["element_ids"] = entry.element_ids;
  return out;
}

}  // namespace

Json BuildPosture(const AllianceModel& model, std::size_t member, Days as_of, Disclosure disclosure,
                  ExposureCache& cache, const ResilienceProvider& resilience,
                  const std::optional<ResilienceMethod>& method) {
  const bool ids = disclosure == Disclosure::kElements;
  const AllianceSpec& spec = model.spec;
  AllianceModel on_date = model;
  auto deadlines = MeetDeadlines(on_date, as_of);
  AssessOptions options;
  options.as_of = as_of;
  options.cache = &cache;
  TrustMasks masks(on_date, as_of);
  // Only the member's own posture needs its resilience: the other basis
  // below gives compliance counts alone.
  AssessOptions self_options = options;
  self_options.resilience = [&](const AllianceModel& at, std::size_t index, Days day) {
    return index == member && resilience ? resilience(at, index, day) : std::nullopt;
  };
  const std::vector<MemberAssessment> members =
      AssessMembers(on_date, deadlines, self_options, masks);
  const MemberAssessment& self = members[member];
  // Compliance on the other basis too (as inventoried, or with deadlines
  // met), beside the one the sharing evidence uses.
  AllianceModel other = model;
  other.spec.assume_deadlines_met = !spec.assume_deadlines_met;
  auto other_deadlines = MeetDeadlines(other, as_of);
  TrustMasks other_masks(other, as_of);
  const std::vector<MemberAssessment> other_members =
      AssessMembers(other, std::move(other_deadlines), options, other_masks);
  const MemberAssessment& deadlines_met = spec.assume_deadlines_met ? self : other_members[member];
  const MemberAssessment& as_inventoried = spec.assume_deadlines_met ? other_members[member] : self;

  Json networks = Json::array();
  for (std::size_t index : on_date.member_networks[member]) {
    const Network& network = on_date.networks[index];
    networks.push_back(Json{{"id", network.info.id},
                            {"as_of", network.info.as_of == kNoDate ? Json(nullptr)
                                                                    : Json(FormatIsoDate(network.info.as_of))}});
  }
  Json untrusted = Json::array();
  for (std::size_t index = 0; index < kPostureDomains.size(); ++index) {
    const DomainShare& share = self.posture.domains[index];
    untrusted.push_back(Json{{"domain", Name(kPostureDomains[index])},
                             {"elements", share.elements},
                             {"untrusted_elements", share.untrusted_elements},
                             {"sites", share.sites},
                             {"untrusted_sites", share.untrusted_sites}});
  }
  std::vector<std::string> vendor_ids;
  const auto profiles = StandardProfiles(on_date, as_of, vendor_ids);
  Json vendors = Json::array();
  for (std::size_t vendor = 0; vendor < vendor_ids.size(); ++vendor) {
    Json by = Json::array();
    for (std::size_t standard = 0; standard < profiles.size(); ++standard) {
      if (profiles[standard].untrusted_vendors[vendor] != 0) by.push_back(spec.members[standard].code);
    }
    vendors.push_back(Json{{"id", vendor_ids[vendor]}, {"untrusted_by", std::move(by)}});
  }
  Json actions = Json::array();
  for (const DeadlineAction& action : self.deadlines) {
    Json replaced = Json::array();
    for (const Replacement& replacement : action.replacements) {
      replaced.push_back(Json{{"network", on_date.networks[replacement.network].info.id},
                              {"domain", Name(replacement.domain)},
                              {"from_vendor", replacement.from_vendor},
                              {"to_vendor", replacement.to_vendor},
                              {"elements", replacement.elements},
                              {"kinds", replacement.kinds},
                              {"element_ids", ids ? Json(replacement.element_ids) : Json::array()}});
    }
    actions.push_back(Json{{"rule", action.rule_id},
                           {"effective", FormatIsoDate(action.effective)},
                           {"replaced", std::move(replaced)}});
  }
  const std::vector<Evidence> evidence = RecordEvidence(on_date, members, member, masks, cache, ids);
  Json own = Json::array();
  std::map<std::size_t, Json> hosted_evidence;
  for (const Evidence& entry : evidence) {
    if (entry.recipient == member) {
      own.push_back(EvidenceJson(spec, entry, ids));
    } else {
      auto& list = hosted_evidence[entry.recipient];
      if (list.is_null()) list = Json::array();
      list.push_back(EvidenceJson(spec, entry, ids));
    }
  }
  Json hosted = Json::array();
  for (std::size_t owner = 0; owner < spec.members.size(); ++owner) {
    if (owner == member) continue;
    const MemberAssessment& guest = members[owner];
    Json services = Json::array();
    for (const CrossBorderService& service : guest.posture.cross_border) {
      services.push_back(Json{{"network", on_date.networks[service.network].info.id},
                              // Its id may be its site's: counts address it by owner and network.
                              {"service", ids ? Json(service.service_id) : Json(nullptr)},
                              {"weight", service.weight},
                              {"up", service.up},
                              {"exposed", service.exposed},
                              {"lost_without_untrusted", service.lost_without_untrusted},
                              {"single_points", service.single_point}});
    }
    auto found = hosted_evidence.find(owner);
    if (services.empty() && guest.cross_border_findings.empty() && found == hosted_evidence.end()) {
      continue;
    }
    hosted.push_back(Json{{"owner", spec.members[owner].code},
                          {"services", std::move(services)},
                          {"cross_border_findings", FindingRefs(guest.cross_border_findings, false)},
                          {"evidence", found == hosted_evidence.end() ? Json::array() : found->second}});
  }
  return Json{{"format", kPostureFormat},
              {"alliance", spec.id},
              {"rules", RulesFingerprint(spec)},
              {"member", spec.members[member].code},
              {"as_of", FormatIsoDate(as_of)},
              {"disclosure", Name(disclosure)},
              {"deadlines_assumed_met", spec.assume_deadlines_met},
              {"networks", std::move(networks)},
              {"compliance", Json{{"deadlines_met", Compliance(deadlines_met)},
                                  {"as_inventoried", Compliance(as_inventoried)},
                                  {"not_evaluated", self.not_evaluated},
                                  {"findings", Json{{"baseline", FindingRefs(self.baseline_findings, ids)},
                                                    {"standard", FindingRefs(self.standard_findings, ids)}}}}},
              {"posture", Json{{"untrusted", std::move(untrusted)},
                               {"all", Totals(self.posture.all)},
                               {"critical", Totals(self.posture.critical)},
                               {"resilience_loss", self.posture.resilience_loss
                                                       ? Json(*self.posture.resilience_loss)
                                                       : Json(nullptr)},
                               {"resilience", resilience && method
                                                  ? Json{{"scenario", method->scenario},
                                                         {"trials", method->trials},
                                                         {"seed", method->seed}}
                                                  : Json(nullptr)}}},
              {"vendors", std::move(vendors)},
              {"deadlines", std::move(actions)},
              {"evidence", std::move(own)},
              {"hosted", std::move(hosted)}};
}

// ---- reading ---------------------------------------------------------------

namespace {

// A posture that cannot be read back; `what` names the file's problem.
struct Refusal {
  std::string what;
  std::string hint;
};

std::size_t MemberCode(const AllianceSpec& spec, const nlohmann::json& code) {
  if (!code.is_string()) throw Refusal{"a member code is not a string", ""};
  auto found = spec.FindMember(code.get<std::string>());
  if (!found) {
    throw Refusal{fmt::format("names '{}', which is not a member of alliance {}",
                              code.get<std::string>(), spec.id),
                  "make the posture with this alliance file"};
  }
  return *found;
}

SeverityCounts ReadCounts(const nlohmann::json& node) {
  SeverityCounts counts{};
  for (std::size_t index = 0; index < counts.size(); ++index) {
    counts[index] = node.at(std::string(policy::Name(static_cast<policy::RuleSeverity>(index))))
                        .get<std::size_t>();
  }
  return counts;
}

policy::RuleSeverity ReadSeverity(const nlohmann::json& node) {
  auto severity = policy::ParseRuleSeverity(node.get<std::string>());
  if (!severity) throw Refusal{fmt::format("unknown severity '{}'", node.get<std::string>()), ""};
  return *severity;
}

std::vector<policy::Finding> ReadFindings(const nlohmann::json& node) {
  std::vector<policy::Finding> out;
  for (const auto& item : node) {
    policy::Finding finding;
    finding.rule_id = item.at("rule").get<std::string>();
    finding.severity = ReadSeverity(item.at("severity"));
    finding.network = item.at("network").get<std::string>();
    if (item.contains("subject")) finding.subject = item.at("subject").get<std::string>();
    if (item.contains("elements")) finding.elements = item.at("elements").get<std::vector<std::string>>();
    if (item.contains("services")) finding.services = item.at("services").get<std::vector<std::string>>();
    out.push_back(std::move(finding));
  }
  return out;
}

GroupTotals ReadTotals(const nlohmann::json& node) {
  GroupTotals totals;
  totals.services = node.at("services").get<std::size_t>();
  totals.weight = node.at("weight").get<double>();
  totals.up = node.at("up").get<std::size_t>();
  totals.exposed = node.at("exposed").get<std::size_t>();
  totals.exposed_weight = node.at("exposed_weight").get<double>();
  totals.lost_without_untrusted = node.at("lost_without_untrusted").get<std::size_t>();
  totals.lost_without_untrusted_weight = node.at("lost_without_untrusted_weight").get<double>();
  totals.with_single_points = node.at("with_single_points").get<std::size_t>();
  return totals;
}

Evidence ReadEvidence(const AllianceSpec& spec, const nlohmann::json& node, std::size_t recipient) {
  Evidence entry;
  entry.provider = MemberCode(spec, node.at("provider"));
  entry.recipient = recipient;
  entry.rule = node.at("rule").get<std::size_t>();
  entry.condition = node.at("condition").get<std::size_t>();
  if (entry.rule >= spec.sharing.size() ||
      entry.condition >= spec.sharing[entry.rule].conditions.size()) {
    throw Refusal{fmt::format("names sharing rule {} condition {}, which this alliance file does "
                              "not have", entry.rule, entry.condition),
                  "make the posture again with the alliance file as it is now"};
  }
  entry.host = node.at("host").get<bool>();
  entry.summary = node.at("summary").get<std::string>();
  entry.plain = node.at("plain").get<std::string>();
  entry.details = node.at("details").get<std::vector<std::string>>();
  entry.rules = node.at("rules").get<std::vector<std::string>>();
  entry.elements = node.at("elements").get<std::size_t>();
  if (node.contains("element_ids")) entry.element_ids = node.at("element_ids").get<std::vector<std::string>>();
  entry.considered = node.at("considered").get<std::size_t>();
  entry.failing = node.at("failing").get<std::size_t>();
  entry.failing_abroad = node.at("failing_abroad").get<std::size_t>();
  entry.hosts = node.at("hosts").get<std::vector<std::string>>();
  return entry;
}

constexpr std::array<std::string_view, 15> kPostureKeys = {
    "format",     "alliance", "rules", "member",  "as_of",     "disclosure", "deadlines_assumed_met",
    "networks",   "compliance", "posture", "vendors", "deadlines",  "evidence",
    "hosted",     "signature"};

void CheckKnownKeys(const nlohmann::json& document) {
  for (const auto& [key, value] : document.items()) {
    if (std::find(kPostureKeys.begin(), kPostureKeys.end(), key) == kPostureKeys.end()) {
      throw Refusal{fmt::format("unknown key '{}' in a {}", key, kPostureFormat),
                    "a posture holds only what redoubt posture writes"};
    }
  }
}

// The line and column of byte `offset` of `text`.
Location Where(const std::string& file, const std::string& text, std::size_t offset) {
  Location location{file, 1, 1};
  for (std::size_t at = 0; at < offset && at < text.size(); ++at) {
    if (text[at] == '\n') {
      ++location.line;
      location.column = 1;
    } else {
      ++location.column;
    }
  }
  return location;
}

std::string KeyOwner(const AllianceSpec& spec, const std::string& key_id) {
  for (const MemberSpec& member : spec.members) {
    if (member.key && member.key->Id() == key_id) return member.code;
  }
  return {};
}

PostureStatement ReadStatement(const AllianceSpec& spec, const std::string& file,
                               const nlohmann::json& document) {
  PostureStatement out;
  out.file = file;
  const auto format = document.find("format");
  if (format == document.end() || !format->is_string()) {
    throw Refusal{"not a posture: it has no 'format'",
                  fmt::format("give the file redoubt posture wrote ({})", kPostureFormat)};
  }
  if (*format != kPostureFormat) {
    throw Refusal{fmt::format("format '{}' is not supported", format->get<std::string>()),
                  fmt::format("this redoubt reads {}; ask the member for a posture made with a "
                              "matching version", kPostureFormat)};
  }
  const auto member = document.find("member");
  if (member == document.end() || !member->is_string()) {
    throw Refusal{"the posture names no member", "give the file redoubt posture wrote"};
  }
  const auto index = spec.FindMember(member->get<std::string>());
  if (!index) {
    throw Refusal{fmt::format("a posture for '{}', which is not a member of alliance {}",
                              member->get<std::string>(), spec.id),
                  "remove it from the folder, or add the member to the alliance file"};
  }
  out.member = *index;
  const MemberSpec& who = spec.members[out.member];
  if (!who.key) {
    throw Refusal{fmt::format("the alliance file gives no public key for member {}", who.code),
                  fmt::format("add 'key: FILE.pub' (the public key {} made with redoubt keygen) "
                              "to member {}", who.code, who.code)};
  }
  const trust::Verification check = trust::VerifyDocument(document, *who.key);
  switch (check.status) {
    case trust::Verification::kValid: break;
    case trust::Verification::kOtherKey: {
      const std::string owner = KeyOwner(spec, check.signer_key_id);
      if (!owner.empty()) {
        throw Refusal{fmt::format("a posture for {} signed with {}'s key ({})", who.code, owner,
                                  check.signer_key_id),
                      fmt::format("a member signs only its own posture; ask {} for the posture it "
                                  "signed itself", who.code)};
      }
      throw Refusal{fmt::format("signed with an unknown key {}; {}'s key in the alliance file is {}",
                                check.signer_key_id, who.code, who.key->Id()),
                    fmt::format("ask {} for a posture signed with the key the alliance lists, or "
                                "update its key in the alliance file",
                                who.code)};
    }
    case trust::Verification::kBadSignature:
      throw Refusal{fmt::format("the signature does not match: the posture was changed after {} "
                                "signed it", who.code),
                    fmt::format("ask {} for the posture as it was signed", who.code)};
    default: throw Refusal{check.message, ""};
  }
  out.key_id = who.key->Id();
  CheckKnownKeys(document);
  const std::string alliance = document.at("alliance").get<std::string>();
  if (alliance != spec.id) {
    throw Refusal{fmt::format("a posture for alliance '{}', not '{}'", alliance, spec.id),
                  fmt::format("ask {} for a posture made with this alliance file", who.code)};
  }
  const auto rules = document.find("rules");
  const std::string expected_rules = RulesFingerprint(spec);
  if (rules == document.end() || !rules->is_string() || *rules != expected_rules) {
    throw Refusal{fmt::format("made with other sharing rules or standards than this alliance "
                              "file's (rules {}, here {})",
                              rules != document.end() && rules->is_string()
                                  ? rules->get<std::string>()
                                  : std::string("missing"),
                              expected_rules),
                  fmt::format("ask {} for a posture made with the alliance file and standards as "
                              "they are now",
                              who.code)};
  }
  const auto as_of = ParseIsoDate(document.at("as_of").get<std::string>());
  if (!as_of) throw Refusal{"its as_of is not a date (YYYY-MM-DD)", ""};
  out.as_of = *as_of;
  const auto disclosure = ParseDisclosure(document.at("disclosure").get<std::string>());
  if (!disclosure) throw Refusal{"its disclosure is neither counts nor elements", ""};
  out.disclosure = *disclosure;
  out.deadlines_assumed_met = document.at("deadlines_assumed_met").get<bool>();
  for (const auto& network : document.at("networks")) {
    NetworkDate date;
    date.id = network.at("id").get<std::string>();
    if (!network.at("as_of").is_null()) {
      date.as_of = ParseIsoDate(network.at("as_of").get<std::string>()).value_or(kNoDate);
    }
    out.networks.push_back(std::move(date));
  }
  MemberAssessment& assessment = out.assessment;
  assessment.member = out.member;
  const auto& compliance = document.at("compliance");
  const auto& basis = compliance.at(out.deadlines_assumed_met ? "deadlines_met" : "as_inventoried");
  assessment.baseline = ReadCounts(basis.at("baseline"));
  assessment.standard = ReadCounts(basis.at("standard"));
  assessment.not_evaluated = compliance.at("not_evaluated").get<std::vector<std::string>>();
  assessment.baseline_findings = ReadFindings(compliance.at("findings").at("baseline"));
  assessment.standard_findings = ReadFindings(compliance.at("findings").at("standard"));
  const auto& posture = document.at("posture");
  const auto& untrusted = posture.at("untrusted");
  if (untrusted.size() != kPostureDomains.size()) throw Refusal{"posture.untrusted is not one entry per domain", ""};
  for (std::size_t domain = 0; domain < kPostureDomains.size(); ++domain) {
    const auto& share = untrusted.at(domain);
    if (share.at("domain") != Name(kPostureDomains[domain])) throw Refusal{"posture.untrusted is out of order", ""};
    DomainShare& into = assessment.posture.domains[domain];
    into.elements = share.at("elements").get<std::size_t>();
    into.untrusted_elements = share.at("untrusted_elements").get<std::size_t>();
    into.sites = share.at("sites").get<std::size_t>();
    into.untrusted_sites = share.at("untrusted_sites").get<std::size_t>();
  }
  assessment.posture.all = ReadTotals(posture.at("all"));
  assessment.posture.critical = ReadTotals(posture.at("critical"));
  if (!posture.at("resilience_loss").is_null()) {
    assessment.posture.resilience_loss = posture.at("resilience_loss").get<double>();
  }
  if (posture.contains("resilience") && !posture.at("resilience").is_null()) {
    const Json& how = posture.at("resilience");
    out.resilience = ResilienceMethod{how.at("scenario").get<std::string>(),
                                      how.at("trials").get<std::uint32_t>(),
                                      how.at("seed").get<std::uint64_t>()};
  }
  for (const auto& vendor : document.at("vendors")) {
    out.vendors.emplace_back(vendor.at("id").get<std::string>(),
                             vendor.at("untrusted_by").get<std::vector<std::string>>());
  }
  for (const auto& action : document.at("deadlines")) {
    DeadlineAction entry;
    entry.member = out.member;
    entry.rule_id = action.at("rule").get<std::string>();
    entry.effective = ParseIsoDate(action.at("effective").get<std::string>()).value_or(kNoDate);
    for (const auto& item : action.at("replaced")) {
      Replacement replacement;
      out.deadline_networks.push_back(item.at("network").get<std::string>());
      replacement.domain = ParseName<Domain>(item.at("domain").get<std::string>()).value_or(Domain::kOther);
      replacement.from_vendor = item.at("from_vendor").get<std::string>();
      replacement.to_vendor = item.at("to_vendor").get<std::string>();
      replacement.elements = item.at("elements").get<std::size_t>();
      replacement.kinds = item.at("kinds").get<std::vector<std::string>>();
      replacement.element_ids = item.at("element_ids").get<std::vector<std::string>>();
      entry.replacements.push_back(std::move(replacement));
    }
    assessment.deadlines.push_back(std::move(entry));
  }
  for (const auto& item : document.at("evidence")) {
    out.evidence.push_back(ReadEvidence(spec, item, out.member));
  }
  for (const auto& item : document.at("hosted")) {
    Hosted hosted;
    hosted.owner = MemberCode(spec, item.at("owner"));
    for (const auto& service : item.at("services")) {
      HostedService entry;
      entry.network = service.at("network").get<std::string>();
      if (!service.at("service").is_null()) entry.service.service_id = service.at("service").get<std::string>();
      entry.service.weight = service.at("weight").get<double>();
      entry.service.up = service.at("up").get<bool>();
      entry.service.exposed = service.at("exposed").get<bool>();
      entry.service.lost_without_untrusted = service.at("lost_without_untrusted").get<bool>();
      entry.service.single_point = service.at("single_points").get<bool>();
      hosted.services.push_back(std::move(entry));
    }
    hosted.findings = ReadFindings(item.at("cross_border_findings"));
    for (const auto& entry : item.at("evidence")) {
      hosted.evidence.push_back(ReadEvidence(spec, entry, hosted.owner));
    }
    out.hosted.push_back(std::move(hosted));
  }
  return out;
}

}  // namespace

Result<PostureSet> ReadPostures(const AllianceSpec& spec, const std::string& folder, Days& as_of,
                                bool deadlines_met, bool allow_missing) {
  Diagnostics diagnostics;
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    diagnostics.Error({.file = folder}, "not a folder of postures",
                      "give the folder that holds the members' .posture.json files");
    return Result<PostureSet>(std::move(diagnostics));
  }
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<PostureStatement> read;
  for (const std::string& file : files) {
    std::ifstream stream(file, std::ios::binary);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    const std::string text = buffer.str();
    nlohmann::json document;
    try {
      document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& problem) {
      diagnostics.Error(Where(file, text, problem.byte == 0 ? 0 : problem.byte - 1),
                        "not JSON: the file is cut short or changed",
                        "give the file redoubt posture wrote, unchanged");
      continue;
    }
    if (!document.is_object()) {
      diagnostics.Error({.file = file}, "not a posture (not a JSON object)",
                        fmt::format("give the file redoubt posture wrote ({})", kPostureFormat));
      continue;
    }
    try {
      read.push_back(ReadStatement(spec, file, document));
    } catch (const Refusal& refusal) {
      diagnostics.Error({.file = file}, refusal.what, refusal.hint);
    } catch (const nlohmann::json::exception& problem) {
      diagnostics.Error({.file = file},
                        fmt::format("not a well-formed {} ({})", kPostureFormat, problem.what()),
                        "ask the member to make the posture again with redoubt posture");
    }
  }
  PostureSet set;
  set.members.resize(spec.members.size());
  set.missing.resize(spec.members.size());
  Days latest = kNoDate;
  for (PostureStatement& statement : read) {
    auto& slot = set.members[statement.member];
    if (slot) {
      diagnostics.Error({.file = statement.file},
                        fmt::format("a second posture for {} (the first is {})",
                                    spec.members[statement.member].code, slot->file),
                        "keep one posture per member in the folder");
      continue;
    }
    if (latest == kNoDate || statement.as_of > latest) latest = statement.as_of;
    slot = std::move(statement);
  }
  // Without a date: the one date rule (policy/judged_date.hpp) over the
  // networks the postures name — their latest inventory date — else the
  // latest posture date.
  if (as_of == kNoDate) {
    for (const auto& slot : set.members) {
      if (!slot) continue;
      for (const NetworkDate& network : slot->networks) {
        if (network.as_of != kNoDate && (as_of == kNoDate || network.as_of > as_of)) as_of = network.as_of;
      }
    }
    if (as_of == kNoDate) as_of = latest;
  }
  for (std::size_t member = 0; member < spec.members.size(); ++member) {
    auto& slot = set.members[member];
    const std::string& code = spec.members[member].code;
    if (!slot) {
      if (!allow_missing) {
        diagnostics.Error({.file = folder}, fmt::format("no posture for member {}", code),
                          fmt::format("ask {} for one (redoubt posture ALLIANCE --member {}), or "
                                      "run with --allow-missing",
                                      code, code));
      }
      set.missing[member] = "no posture in " + folder;
      continue;
    }
    if (slot->as_of > as_of) {
      diagnostics.Error({.file = slot->file},
                        fmt::format("dated {}, after the assessment date {}", FormatIsoDate(slot->as_of),
                                    FormatIsoDate(as_of)),
                        "a posture covers its own date; assess on that date or later (--as-of)");
    } else if (as_of - slot->as_of > spec.max_age_days) {
      diagnostics.Error({.file = slot->file},
                        fmt::format("dated {}, {} days before the assessment date {}; the alliance "
                                    "accepts postures at most {} days old (max_age_days)",
                                    FormatIsoDate(slot->as_of), as_of - slot->as_of,
                                    FormatIsoDate(as_of), spec.max_age_days),
                        fmt::format("ask {} for a current posture", code));
    }
    if (slot->deadlines_assumed_met != deadlines_met) {
      diagnostics.Error({.file = slot->file},
                        fmt::format("made {}, but this view is {}",
                                    slot->deadlines_assumed_met ? "with deadlines assumed met" : "as inventoried",
                                    deadlines_met ? "with deadlines assumed met" : "as inventoried"),
                        deadlines_met ? "run without --as-inventoried, or ask for postures made as inventoried"
                                      : "ask for postures made with --as-inventoried");
    }
  }
  if (diagnostics.HasErrors()) return Result<PostureSet>(std::move(diagnostics));
  return Result<PostureSet>(std::move(set), std::move(diagnostics));
}

AllianceModel ShellModel(AllianceModel standards, const PostureSet& postures) {
  AllianceModel model = std::move(standards);
  model.networks.clear();
  model.network_member.clear();
  model.member_networks.assign(model.spec.members.size(), {});
  for (std::size_t member = 0; member < postures.members.size(); ++member) {
    if (!postures.members[member]) continue;
    for (const NetworkDate& date : postures.members[member]->networks) {
      Network network;
      network.info.id = date.id;
      network.info.as_of = date.as_of;
      model.member_networks[member].push_back(model.networks.size());
      model.network_member.push_back(member);
      model.networks.push_back(std::move(network));
    }
  }
  return model;
}

Assessment AssessFromPostures(const AllianceModel& shell, const PostureSet& postures, Days as_of) {
  const AllianceSpec& spec = shell.spec;
  const std::size_t count = spec.members.size();
  std::map<std::string, std::size_t> network_index;
  for (std::size_t index = 0; index < shell.networks.size(); ++index) {
    network_index.emplace(shell.networks[index].info.id, index);
  }
  auto find_network = [&](const std::string& id) {
    auto found = network_index.find(id);
    return found == network_index.end() ? std::size_t{0} : found->second;
  };
  Assessment assessment;
  assessment.as_of = as_of;
  for (std::size_t member = 0; member < count; ++member) {
    MemberAssessment entry;
    entry.member = member;
    if (const auto& statement = postures.members[member]) {
      entry = statement->assessment;
      std::size_t at = 0;
      for (DeadlineAction& action : entry.deadlines) {
        for (Replacement& replacement : action.replacements) {
          replacement.network = find_network(statement->deadline_networks[at++]);
        }
      }
    } else {
      entry.no_posture = postures.missing[member];
    }
    entry.posture.all.key = Define(ServiceSet::kAll).key;
    entry.posture.critical.key = Define(ServiceSet::kCritical).key;
    entry.posture.abroad.key = Define(ServiceSet::kCritical).key;
    assessment.members.push_back(std::move(entry));
  }
  // As host nations state them: the services each member owns abroad, and
  // the baseline findings about them, in host order (the order of the networks).
  std::vector<Evidence> evidence;
  for (std::size_t host = 0; host < count; ++host) {
    const auto& statement = postures.members[host];
    if (!statement) continue;
    evidence.insert(evidence.end(), statement->evidence.begin(), statement->evidence.end());
    for (const Hosted& hosted : statement->hosted) {
      MemberAssessment& owner = assessment.members[hosted.owner];
      for (const HostedService& service : hosted.services) {
        const CrossBorderService& figures = service.service;
        owner.posture.abroad.Add(figures.weight, figures.up, figures.exposed,
                                 !figures.lost_without_untrusted, figures.single_point);
        CrossBorderService entry = figures;
        entry.network = find_network(service.network);
        owner.posture.cross_border.push_back(std::move(entry));
      }
      owner.cross_border_findings.insert(owner.cross_border_findings.end(), hosted.findings.begin(),
                                         hosted.findings.end());
      evidence.insert(evidence.end(), hosted.evidence.begin(), hosted.evidence.end());
    }
  }
  for (MemberAssessment& member : assessment.members) policy::SortFindings(member.cross_border_findings);
  std::vector<Posture> vectors;
  for (const MemberAssessment& member : assessment.members) vectors.push_back(member.posture);
  std::vector<std::string> none;
  auto profiles = StandardProfiles(shell, as_of, none);
  std::set<std::string> vendor_set;
  for (const auto& statement : postures.members) {
    if (!statement) continue;
    for (const auto& vendor : statement->vendors) vendor_set.insert(vendor.first);
  }
  std::vector<std::string> vendors(vendor_set.begin(), vendor_set.end());
  for (auto& profile : profiles) profile.untrusted_vendors.assign(vendors.size(), 0);
  for (const auto& statement : postures.members) {
    if (!statement) continue;
    for (const auto& [id, by] : statement->vendors) {
      const auto at = static_cast<std::size_t>(
          std::lower_bound(vendors.begin(), vendors.end(), id) - vendors.begin());
      for (const std::string& code : by) {
        if (auto member = spec.FindMember(code)) profiles[*member].untrusted_vendors[at] = 1;
      }
    }
  }
  assessment.divergence = ComputeDivergence(vectors, profiles, std::move(vendors));
  assessment.cells = CellsFromEvidence(spec, assessment.members, assessment.divergence, evidence);
  // A member without a valid posture receives and provides nothing.
  for (Cell& cell : assessment.cells) {
    if (cell.Self()) continue;
    for (std::size_t member : {cell.provider, cell.recipient}) {
      if (postures.members[member]) continue;
      cell.level.reset();
      cell.shortfalls.clear();
      cell.reason = fmt::format("{} has no valid posture ({}): {} shares nothing with {}.",
                                spec.members[member].code, postures.missing[member],
                                spec.members[cell.provider].code, spec.members[cell.recipient].code);
      break;
    }
  }
  return assessment;
}

Json ProvenanceJson(const AllianceSpec& spec, const PostureSet& postures) {
  Json list = Json::array();
  Json missing = Json::array();
  for (std::size_t member = 0; member < spec.members.size(); ++member) {
    const auto& statement = postures.members[member];
    if (!statement) {
      missing.push_back(Json{{"member", spec.members[member].code},
                             {"status", "no valid posture"},
                             {"reason", postures.missing[member]}});
      continue;
    }
    list.push_back(Json{{"member", spec.members[member].code},
                        {"file", fs::path(statement->file).filename().string()},
                        {"as_of", FormatIsoDate(statement->as_of)},
                        {"key_id", statement->key_id},
                        {"disclosure", Name(statement->disclosure)},
                        {"resilience", statement->resilience
                                           ? Json{{"scenario", statement->resilience->scenario},
                                                  {"trials", statement->resilience->trials},
                                                  {"seed", statement->resilience->seed}}
                                           : Json(nullptr)}});
  }
  return Json{{"source", "postures"}, {"postures", std::move(list)}, {"missing", std::move(missing)}};
}

Result<PostureView> LoadPostureView(const std::string& alliance_file, const std::string& folder,
                                    Days flag, bool as_inventoried, bool allow_missing,
                                    const InventoryOptions& options) {
  Diagnostics diagnostics;
  auto spec = ReadAlliance(alliance_file);
  diagnostics.Append(spec.diagnostics());
  if (!spec.ok()) return Result<PostureView>(std::move(diagnostics));
  if (as_inventoried) spec.value().assume_deadlines_met = false;
  auto standards = LoadAllianceModel(spec.value(), options, {LoadScope::Kind::kStandards, 0});
  diagnostics.Append(standards.diagnostics());
  if (!standards.ok()) return Result<PostureView>(std::move(diagnostics));
  Days as_of = flag;
  auto postures = ReadPostures(spec.value(), folder, as_of, spec.value().assume_deadlines_met,
                               allow_missing);
  diagnostics.Append(postures.diagnostics());
  if (!postures.ok()) return Result<PostureView>(std::move(diagnostics));
  PostureView view{ShellModel(std::move(standards).value(), postures.value()),
                   std::move(postures).value(), {}, {}, {}};
  // The one date rule over the networks the postures name (ReadPostures
  // applied it); when no posture network has a date, the latest posture date.
  view.date = policy::ChooseJudgedDate(flag, view.model.networks, Today());
  if (view.date.date != as_of) view.date = policy::JudgedDate{as_of, policy::DateSource::kToday, {}};
  for (std::size_t network_index = 0; network_index < view.model.networks.size(); ++network_index) {
    const std::size_t member = view.model.network_member[network_index];
    const policy::Standard* standards_of[] = {view.model.baseline.get(),
                                              view.model.standards[member].get()};
    if (auto lag = policy::LagOf(view.model.networks[network_index], standards_of, as_of)) {
      view.lags.push_back(std::move(*lag));
    }
  }
  view.assessment = AssessFromPostures(view.model, view.postures, as_of);
  return Result<PostureView>(std::move(view), std::move(diagnostics));
}

}  // namespace redoubt::alliance
