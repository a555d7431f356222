#include "model/vocabulary.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace redoubt {
namespace {

TEST(Vocabulary, EveryFiveGCoreFunctionOfTs23501IsACoreKind) {
  for (const char* name : {"amf", "smf", "upf", "ausf", "udm", "udr", "udsf", "pcf", "nrf", "nssf",
                           "nef", "sepp", "scp", "nwdaf", "chf", "n3iwf", "af", "5g-eir", "ucmf",
                           "tngf", "w-agf"}) {
    auto kind = FindBuiltinKind(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(BuiltinKinds()[*kind].domain, Domain::kCore) << name;
  }
}

TEST(Vocabulary, DomainsOfRepresentativeKinds) {
  const std::pair<const char*, Domain> expected[] = {
      {"ru", Domain::kRan},          {"gnb", Domain::kRan},         {"enb", Domain::kRan},
      {"router", Domain::kTransport}, {"olt", Domain::kTransport},  {"mme", Domain::kCore},
      {"hss", Domain::kCore},        {"s-cscf", Domain::kCore},     {"li-admf", Domain::kCore},
      {"oss", Domain::kManagement},  {"sdn-controller", Domain::kManagement},
      {"mec", Domain::kEdge}};
  for (const auto& [name, domain] : expected) {
    EXPECT_EQ(BuiltinKinds()[*FindBuiltinKind(name)].domain, domain) << name;
  }
}

TEST(Vocabulary, KindNamesAreUniqueAndNamesRoundTrip) {
  std::set<std::string_view> names;
  for (const KindInfo& kind : BuiltinKinds()) EXPECT_TRUE(names.insert(kind.name).second);
  for (std::string_view name : SectorNames()) EXPECT_EQ(Name(*ParseName<Sector>(name)), name);
  for (std::string_view name : SiteKindNames()) EXPECT_EQ(Name(*ParseName<SiteKind>(name)), name);
  EXPECT_FALSE(ParseName<Classification>("top_secret").has_value());
  EXPECT_EQ(ParseName<Classification>("top-secret"), Classification::kTopSecret);
}

}  // namespace
}  // namespace redoubt
