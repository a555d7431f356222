// Matchers: selectors made ready for one network.
//
// A Selector is data; a matcher binds it to a Network once, folding every
// clause on a vendor, a site, a kind, a domain or a certification set into a
// table indexed by that record (O(vendors + sites + kinds + cert sets) to
// build), so testing one element costs a few array lookups plus its own
// per-element clauses (id, model, software, dates). That is what keeps a rule
// over millions of elements linear with a small constant.
//
//   ElementMatcher core(selector, network, untrusted_mask);
//   for (ElementIndex e = 0; e < n; ++e) if (core.Matches(e)) ...
//
// A matcher keeps pointers to the network and the untrusted mask: both must
// outlive it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/network.hpp"
#include "policy/selector.hpp"

namespace redoubt::policy {

class ElementMatcher {
 public:
  // `untrusted` has one entry per element (1 = untrusted); it may be empty
  // when the selector does not use `untrusted`.
  ElementMatcher(const Selector& selector, const Network& network,
                 std::span<const std::uint8_t> untrusted);

  [[nodiscard]] bool Matches(ElementIndex element) const {
    const Element& record = network_->elements[element];
    if (!domain_ok_[static_cast<std::size_t>(record.domain)]) return false;
    if (!kind_ok_.empty() && !kind_ok_[record.kind]) return false;
    if (!vendor_ok_.empty() && !vendor_ok_[record.vendor]) return false;
    if (!site_ok_.empty() &&
        !site_ok_[record.site == kNone ? site_ok_.size() - 1 : record.site]) {
      return false;
    }
    if (!cert_ok_.empty() && !cert_ok_[record.certifications]) return false;
    if (test_untrusted_ && (untrusted_[element] != 0) != want_untrusted_) return false;
    return element_clauses_.empty() || MatchesElementClauses(record);
  }
  // True when the selector has no clause: every element matches.
  [[nodiscard]] bool MatchesEverything() const { return everything_; }

 private:
  struct IdClause {
    const Clause* clause;
    std::vector<StringId> ids;  // sorted; the clause's texts that occur in the pool
  };
  [[nodiscard]] bool MatchesElementClauses(const Element& record) const;

  const Network* network_;
  std::span<const std::uint8_t> untrusted_;
  bool everything_ = false;
  bool test_untrusted_ = false;
  bool want_untrusted_ = false;
  std::array<std::uint8_t, kDomainCount> domain_ok_;
  std::vector<std::uint8_t> kind_ok_;
  std::vector<std::uint8_t> vendor_ok_;
  std::vector<std::uint8_t> site_ok_;  // one per site, then one for "no site"
  std::vector<std::uint8_t> cert_ok_;
  std::vector<IdClause> element_clauses_;  // id, model, software, installed, retired
};

class SiteMatcher {
 public:
  SiteMatcher(const Selector& selector, const Network& network);
  [[nodiscard]] bool Matches(SiteIndex site) const { return site_ok_[site] != 0; }

 private:
  std::vector<std::uint8_t> site_ok_;
};

class ServiceMatcher {
 public:
  ServiceMatcher(const Selector& selector, const Network& network);
  [[nodiscard]] bool Matches(ServiceIndex service) const { return service_ok_[service] != 0; }

 private:
  std::vector<std::uint8_t> service_ok_;
};

// One element per entry: 1 when `untrusted` (the standard's definition)
// matches it. All zeros when the standard defines no untrusted. O(elements).
[[nodiscard]] std::vector<std::uint8_t> UntrustedMask(const Selector* untrusted,
                                                      const Network& network);

// The value of `attribute` for an element, in words, for evidence
// ("huawei", "core", "2019-04-10", "nesas, scas"); "none" when absent.
[[nodiscard]] std::string ElementValue(const Network& network, ElementIndex element,
                                       Attribute attribute);
// Whether `element` satisfies one clause (untrusted read from `untrusted`).
[[nodiscard]] bool ElementSatisfies(const Network& network, ElementIndex element,
                                    const Clause& clause, std::span<const std::uint8_t> untrusted);

}  // namespace redoubt::policy
