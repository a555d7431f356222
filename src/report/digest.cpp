#include "report/digest.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "report/fields.hpp"
#include "report/site_cells.hpp"

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 5> kSeverities = {"critical", "high", "medium", "low",
                                                         "info"};

// The report's R.severities.indexOf: critical 0 … info 4, -1 for anything
// else (which the report's sorts put first; so does this).
int SeverityIndex(const Json& value) {
  if (!value.is_string()) return -1;
  const auto& name = value.get_ref<const std::string&>();
  for (std::size_t index = 0; index < kSeverities.size(); ++index) {
    if (name == kSeverities[index]) return static_cast<int>(index);
  }
  return -1;
}

using report_fields::Find;
using report_fields::Number;

bool IsTrue(const Json& object, std::string_view key) {
  const Json* value = Find(object, key);
  return value != nullptr && value->is_boolean() && value->get<bool>();
}
std::size_t ListSize(const Json& object, std::string_view key) {
  const Json* value = Find(object, key);
  return value != nullptr && value->is_array() ? value->size() : 0;
}
std::string Text(const Json& object, std::string_view key) {
  const Json* value = Find(object, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}
const Json& Severity(const Json& row) {
  static const Json kNone;
  const Json* value = Find(row, "severity");
  return value != nullptr ? *value : kNone;
}

// Where a list was cut, for the digest's record.
struct Where {
  std::string_view part;
  std::string member;
  std::string network;
};

// A list's order (true when `a` is worse than `b`) and the sums of the rows
// left out (adds one row to the record).
using Worse = std::function<bool(const Json& a, const Json& b)>;
using AddOmitted = std::function<void(const Json& row, Json& omitted)>;

struct ListRule {
  Worse worse;
  Json omitted_zero;  // the record before any row: {"count": 0, sums at 0}
  AddOmitted add;
};

// Findings (or references to them): the most severe first; the record counts
// them by severity.
Json SeverityZero() {
  Json by = Json::object();
  for (std::string_view severity : kSeverities) by[std::string(severity)] = 0;
  return {{"count", 0}, {"by_severity", by}};
}
void AddSeverity(const Json& row, Json& omitted) {
  const int index = SeverityIndex(Severity(row));
  if (index >= 0) {
    auto& count = omitted["by_severity"][std::string(kSeverities[static_cast<std::size_t>(index)])];
    count = count.get<std::int64_t>() + 1;
  }
}
ListRule MostSevereFirstRule() {
  return {[](const Json& a, const Json& b) {
            return SeverityIndex(Severity(a)) < SeverityIndex(Severity(b));
          },
          SeverityZero(), AddSeverity};
}
// member.js's worst offenders: the most severe, then those naming the most elements.
ListRule FindingsRule() {
  return {[](const Json& a, const Json& b) {
            const int sa = SeverityIndex(Severity(a));
            const int sb = SeverityIndex(Severity(b));
            if (sa != sb) return sa < sb;
            return ListSize(a, "elements") > ListSize(b, "elements");
          },
          SeverityZero(), AddSeverity};
}

// A service is lost when it is up and goes down with every untrusted element
// switched off: exposure@1's sabotage (lost_without_untrusted).
bool Lost(const Json& service) {
  return IsTrue(service, "up") && !IsTrue(service, "survives_untrusted_loss");
}
// The most exposed services first: espionage, then sabotage, then weight.
ListRule ServicesRule() {
  return {[](const Json& a, const Json& b) {
            const bool ea = IsTrue(a, "exposed");
            const bool eb = IsTrue(b, "exposed");
            if (ea != eb) return ea;
            const bool la = Lost(a);
            const bool lb = Lost(b);
            if (la != lb) return la;
            return Number(a, "weight") > Number(b, "weight");
          },
          Json{{"count", 0},
               {"weight", 0.0},
               {"exposed", 0},
               {"exposed_weight", 0.0},
               {"lost", 0},
               {"lost_weight", 0.0}},
          [](const Json& row, Json& omitted) {
            const double weight = Number(row, "weight");
            omitted["weight"] = omitted["weight"].get<double>() + weight;
            if (IsTrue(row, "exposed")) {
              omitted["exposed"] = omitted["exposed"].get<std::int64_t>() + 1;
              omitted["exposed_weight"] = omitted["exposed_weight"].get<double>() + weight;
            }
            if (Lost(row)) {
              omitted["lost"] = omitted["lost"].get<std::int64_t>() + 1;
              omitted["lost_weight"] = omitted["lost_weight"].get<double>() + weight;
            }
          }};
}
// member.js's single points of failure: the heaviest first, then the most services.
ListRule SinglePointsRule() {
  return {[](const Json& a, const Json& b) {
            const double wa = Number(a, "weight");
            const double wb = Number(b, "weight");
            if (wa != wb) return wa > wb;
            return Number(a, "services") > Number(b, "services");
          },
          Json{{"count", 0}}, [](const Json&, Json&) {}};
}

class Digester {
 public:
  Digester(const Json& assessment, const DigestLimits& limits)
      : assessment_(assessment), limits_(limits) {}

  Json Run() {
    Json out = Json::object();
    if (!assessment_.is_object()) return assessment_;
    for (const auto& [key, value] : assessment_.items()) {
      if (key == "exposure") {
        out[key] = Entries(value, "exposure",
                           [&](const Json& doc, Where& where) { return Exposure(doc, where); });
      } else if (key == "findings") {
        out[key] = Entries(value, "findings",
                           [&](const Json& doc, Where& where) { return Findings(doc, where); });
      } else if (key == "timeline") {
        out[key] = Entries(value, "timeline",
                           [&](const Json& doc, Where& where) { return Timeline(doc, where); });
      } else if (key == "alliance") {
        out[key] = Alliance(value);
      } else if (key == "sites") {
        out[key] = Sites(value);
      } else {
        out[key] = value;
      }
    }
    if (!cuts_.empty() || !maps_.empty()) {
      out["digest"] = {{"limits",
                        {{"rows", limits_.rows},
                         {"counted_rows", limits_.counted_rows},
                         {"map_sites", limits_.map_sites},
                         {"map_cells", limits_.map_cells}}},
                       {"cuts", cuts_},
                       {"maps", maps_}};
    }
    return out;
  }

 private:
  // Writes `rows` under `key` of `out`, cut to its `limit` worst rows by
  // `rule` (stable: ties keep the document's order) with `<key>_omitted`
  // beside it; as it is when it is within the limit. O(n log n).
  void Cut(const Json& rows, std::size_t limit, const ListRule& rule, Json& out,
           const std::string& key, const Where& where) {
    if (!rows.is_array() || rows.size() <= limit) {
      out[key] = rows;
      return;
    }
    std::vector<std::size_t> order(rows.size());
    for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return rule.worse(rows[a], rows[b]); });
    std::vector<bool> kept(rows.size(), false);
    Json kept_rows = Json::array();
    for (std::size_t rank = 0; rank < limit; ++rank) {
      kept[order[rank]] = true;
      kept_rows.push_back(rows[order[rank]]);
    }
    Json omitted = rule.omitted_zero;
    omitted["count"] = rows.size() - limit;
    for (std::size_t index = 0; index < rows.size(); ++index) {
      if (!kept[index]) rule.add(rows[index], omitted);
    }
    out[key] = std::move(kept_rows);
    out[key + "_omitted"] = std::move(omitted);
    cuts_.push_back({{"part", where.part},
                     {"member", where.member},
                     {"network", where.network},
                     {"list", key},
                     {"kept", limit},
                     {"omitted", rows.size() - limit}});
  }

  // A copy of the map `object`, each key of `rewrite` written by its
  // function instead (which may add siblings after it), in the map's order.
  static Json Rewrite(
      const Json& object,
      std::initializer_list<
          std::pair<std::string_view, std::function<void(const Json&, Json&, const std::string&)>>>
          rewrite) {
    if (!object.is_object()) return object;
    Json out = Json::object();
    for (const auto& [key, value] : object.items()) {
      bool done = false;
      for (const auto& [name, write] : rewrite) {
        if (key == name) {
          write(value, out, key);
          done = true;
          break;
        }
      }
      if (!done) out[key] = value;
    }
    return out;
  }

  // A copy of the array `list`, each item rewritten by `each`; anything but
  // an array comes back as it is.
  template <class Each>
  static Json EachOf(const Json& list, Each each) {
    if (!list.is_array()) return list;
    Json out = Json::array();
    for (const Json& item : list) out.push_back(each(item));
    return out;
  }

  // A result part: a list of {"member", ..., "document"}; `document` is
  // rewritten by `digest_document`.
  template <class DigestDocument>
  Json Entries(const Json& part, std::string_view name, DigestDocument digest_document) {
    return EachOf(part, [&](const Json& entry) {
      Where where{name, Text(entry, "member"), ""};
      return Rewrite(entry, {{"document", [&](const Json& doc, Json& to, const std::string& key) {
                                to[key] = digest_document(doc, where);
                              }}});
    });
  }

  // A document's `networks`, each rewritten by `digest_network`.
  template <class DigestNetwork>
  static Json Networks(const Json& doc, DigestNetwork digest_network) {
    return Rewrite(doc, {{"networks", [&](const Json& networks, Json& to, const std::string& key) {
                            to[key] = EachOf(networks, digest_network);
                          }}});
  }

  Json Exposure(const Json& doc, Where& where) {
    return Networks(doc, [&](const Json& network) {
      const Json* id = Find(network, "network");
      where.network = id != nullptr ? Text(*id, "id") : std::string();
      return Rewrite(network,
                     {{"services",
                       [&](const Json& rows, Json& to, const std::string& key) {
                         Cut(rows, limits_.rows, ServicesRule(), to, key, where);
                       }},
                      {"single_points", [&](const Json& points, Json& to, const std::string& key) {
                         to[key] = Rewrite(
                             points,
                             {{"elements",
                               [&](const Json& rows, Json& at, const std::string& list) {
                                 Cut(rows, limits_.rows, SinglePointsRule(), at, list, where);
                               }},
                              {"sites", [&](const Json& rows, Json& at, const std::string& list) {
                                 Cut(rows, limits_.rows, SinglePointsRule(), at, list, where);
                               }}});
                       }}});
    });
  }

  Json Findings(const Json& doc, Where& where) {
    const std::size_t cuts_before = cuts_.size();
    Json out = Networks(doc, [&](const Json& network) {
      where.network = Text(network, "id");
      return Rewrite(network,
                     {{"findings", [&](const Json& rows, Json& to, const std::string& key) {
                         Cut(rows, limits_.rows, FindingsRule(), to, key, where);
                       }}});
    });
    if (cuts_.size() > cuts_before) ElementsNamed(doc, out);
    return out;
  }

  // member.js's "Elements named by the most findings", over every finding of
  // the document: per element, its findings, the worst severity and the
  // rules (first named first); the worst, then the most findings, then the
  // id in byte order. O(F log E) for F element names in E elements.
  void ElementsNamed(const Json& doc, Json& out) const {
    struct Named {
      std::string id;
      std::int64_t findings = 0;
      Json worst = "info";
      std::vector<std::string> rules;
    };
    std::vector<Named> named;
    std::unordered_map<std::string, std::size_t> index_of;
    const Json* networks = Find(doc, "networks");
    if (networks == nullptr || !networks->is_array()) return;
    for (const Json& network : *networks) {
      const Json* findings = Find(network, "findings");
      if (findings == nullptr || !findings->is_array()) continue;
      for (const Json& finding : *findings) {
        const Json* elements = Find(finding, "elements");
        if (elements == nullptr || !elements->is_array()) continue;
        const std::string rule = Text(finding, "rule");
        for (const Json& element : *elements) {
          if (!element.is_string()) continue;
          const auto [it, added] = index_of.try_emplace(element.get<std::string>(), named.size());
          if (added) named.push_back({element.get<std::string>(), 0, "info", {}});
          Named& entry = named[it->second];
          ++entry.findings;
          if (SeverityIndex(Severity(finding)) < SeverityIndex(entry.worst))
            entry.worst = Severity(finding);
          if (std::find(entry.rules.begin(), entry.rules.end(), rule) == entry.rules.end())
            entry.rules.push_back(rule);
        }
      }
    }
    std::vector<std::size_t> order(named.size());
    for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const int wa = SeverityIndex(named[a].worst);
      const int wb = SeverityIndex(named[b].worst);
      if (wa != wb) return wa < wb;
      if (named[a].findings != named[b].findings) return named[a].findings > named[b].findings;
      return named[a].id < named[b].id;
    });
    Json rows = Json::array();
    const std::size_t kept = std::min(order.size(), limits_.rows);
    for (std::size_t rank = 0; rank < kept; ++rank) {
      const Named& entry = named[order[rank]];
      rows.push_back({{"id", entry.id},
                      {"findings", entry.findings},
                      {"worst", entry.worst},
                      {"rules", entry.rules}});
    }
    out["elements_named"] = std::move(rows);
    out["elements_named_omitted"] = {{"count", order.size() - kept}};
  }

  Json Timeline(const Json& doc, Where& where) {
    return Networks(doc, [&](const Json& network) {
      where.network = Text(network, "id");
      return Rewrite(
          network,
          {{"steps", [&](const Json& steps, Json& to, const std::string& key) {
              to[key] = EachOf(steps, [&](const Json& step) {
                return Rewrite(step,
                               {{"due", [&](const Json& rows, Json& at, const std::string& list) {
                                   Cut(rows, limits_.counted_rows, MostSevereFirstRule(), at,
                                       list, where);
                                 }}});
              });
            }}});
    });
  }

  Json Alliance(const Json& alliance) {
    return Rewrite(
        alliance,
        {{"members", [&](const Json& members, Json& to, const std::string& key) {
            to[key] = EachOf(members, [&](const Json& member) {
              const Where where{"alliance", Text(member, "code"), ""};
              const auto cut = [&](const Json& rows, Json& at, const std::string& list) {
                Cut(rows, limits_.rows, MostSevereFirstRule(), at, list, where);
              };
              return Rewrite(
                  member,
                  {{"compliance", [&](const Json& compliance, Json& at, const std::string& name) {
                      at[name] = Rewrite(
                          compliance,
                          {{"findings",
                            [&](const Json& findings, Json& in, const std::string& list) {
                              in[list] = Rewrite(findings, {{"baseline", cut}, {"standard", cut}});
                            }}});
                    }}});
            });
          }}});
  }

  // The member a site feature is drawn for (map.js: its `member`, or the
  // member whose networks include its `network`); empty when none.
  std::string MemberOf(const Json& properties) const {
    std::string member = Text(properties, "member");
    if (!member.empty()) return member;
    const std::string network = Text(properties, "network");
    const Json* members = Find(assessment_, "members");
    if (network.empty() || members == nullptr || !members->is_array()) return {};
    for (const Json& entry : *members) {
      const Json* networks = Find(entry, "networks");
      if (networks == nullptr || !networks->is_array()) continue;
      for (const Json& id : *networks) {
        if (id.is_string() && id.get_ref<const std::string&>() == network)
          return Text(entry, "code");
      }
    }
    return {};
  }

  Json Sites(const Json& sites) {
    const Json* features = Find(sites, "features");
    if (features == nullptr || !features->is_array()) return sites;
    // The members with too many sites to draw, in the order they first appear.
    std::vector<std::string> member_of(features->size());
    std::map<std::string, std::size_t> counts;
    std::vector<std::string> order;
    for (std::size_t index = 0; index < features->size(); ++index) {
      double lon = 0;
      double lat = 0;
      if (!SitePoint((*features)[index], lon, lat)) continue;
      const Json* properties = Find((*features)[index], "properties");
      member_of[index] = properties != nullptr ? MemberOf(*properties) : std::string();
      if (member_of[index].empty()) continue;
      if (counts[member_of[index]]++ == 0) order.push_back(member_of[index]);
    }
    std::vector<std::string> crowded;
    for (const std::string& member : order) {
      if (counts[member] > limits_.map_sites) crowded.push_back(member);
    }
    if (crowded.empty()) return sites;
    const auto is_crowded = [&](const std::string& member) {
      return !member.empty() && std::find(crowded.begin(), crowded.end(), member) != crowded.end();
    };
    return Rewrite(sites, {{"features", [&](const Json&, Json& to, const std::string& key) {
                              Json kept = Json::array();
                              for (std::size_t index = 0; index < features->size(); ++index) {
                                if (!is_crowded(member_of[index]))
                                  kept.push_back((*features)[index]);
                              }
                              to[key] = std::move(kept);
                              Json aggregated = Json::array();
                              for (const std::string& member : crowded)
                                aggregated.push_back(Cells(*features, member_of, member));
                              to["aggregated"] = std::move(aggregated);
                            }}});
  }

  // One crowded member's map (report/site_cells.hpp) and its flagged sites,
  // the worst first (map.js's "sites that need attention" order). O(S log S)
  // for S sites.
  Json Cells(const Json& features, const std::vector<std::string>& member_of,
             const std::string& member) {
    std::vector<const Json*> sites;
    for (std::size_t index = 0; index < features.size(); ++index) {
      if (member_of[index] == member) sites.push_back(&features[index]);
    }
    SiteCells cells = GridCells(sites, limits_.map_cells);
    Json record = {{"member", member}};
    for (const auto& [key, value] : cells.totals.items()) record[key] = value;
    Json flagged = Json::array();
    for (const Json* site : cells.flagged) flagged.push_back(*site);
    const ListRule rule{[](const Json& a, const Json& b) {
                          const Json* pa = Find(a, "properties");
                          const Json* pb = Find(b, "properties");
                          const Json* sa = pa != nullptr ? Find(*pa, "worst_severity") : nullptr;
                          const Json* sb = pb != nullptr ? Find(*pb, "worst_severity") : nullptr;
                          const int ra = sa != nullptr ? MapSeverityRank(*sa) : 0;
                          const int rb = sb != nullptr ? MapSeverityRank(*sb) : 0;
                          if (ra != rb) return ra > rb;
                          return (pa != nullptr ? Number(*pa, "exposed_weight") : 0.0) >
                                 (pb != nullptr ? Number(*pb, "exposed_weight") : 0.0);
                        },
                        Json{{"count", 0}}, [](const Json&, Json&) {}};
    const Where where{"sites", member, ""};
    Cut(flagged, limits_.rows, rule, record, "flagged_sites", where);
    maps_.push_back({{"member", member},
                     {"sites", record["sites"]},
                     {"cells", record["cells"].size()},
                     {"cell_degrees", record["cell_degrees"]}});
    return record;
  }

  const Json& assessment_;
  const DigestLimits& limits_;
  Json cuts_ = Json::array();
  Json maps_ = Json::array();
};

}  // namespace

Json ReportDigest(const Json& assessment, const DigestLimits& limits) {
  return Digester(assessment, limits).Run();
}

}  // namespace redoubt
