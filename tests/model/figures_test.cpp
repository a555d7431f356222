// The definitions of the headline figures: one critical set, distinct keys,
// labels that name the set, and explanations that name the scope.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "model/figures.hpp"

namespace redoubt {
namespace {

TEST(Figures, OnlyPublicServicesAreNotCritical) {
  for (std::size_t index = 0; index < SectorNames().size(); ++index) {
    const auto sector = static_cast<Sector>(index);
    EXPECT_EQ(IsCritical(sector), sector != Sector::kPublic) << SectorNames()[index];
    EXPECT_TRUE(InSet(ServiceSet::kAll, sector));
    EXPECT_EQ(InSet(ServiceSet::kCritical, sector), IsCritical(sector));
  }
}

TEST(Figures, KeysAreDistinctAndEveryTermHasASentence) {
  std::set<std::string> keys;
  const auto add = [&](const FigureDefinition& definition) {
    EXPECT_TRUE(keys.insert(std::string(definition.key)).second) << definition.key;
    EXPECT_FALSE(definition.name.empty());
    ASSERT_FALSE(definition.sentence.empty());
    EXPECT_EQ(definition.sentence.back(), '.') << definition.key;  // one sentence
  };
  for (Figure figure : {Figure::kEspionage, Figure::kSabotage, Figure::kKillSwitchLoss, Figure::kFindings}) {
    add(Define(figure));
  }
  for (ServiceSet set : {ServiceSet::kAll, ServiceSet::kCritical}) add(Define(set));
  for (Basis basis : {Basis::kAsInventoried, Basis::kDeadlinesMet}) add(Define(basis));
  for (Scope scope : {Scope::kOwnedServices, Scope::kNetworkServices}) add(Define(scope));
  EXPECT_EQ(keys.size(), 10u);
}

TEST(Figures, LabelsNameTheSetAndExplanationsTheScope) {
  EXPECT_EQ(Label(Figure::kEspionage, ServiceSet::kCritical), "espionage share, critical services");
  EXPECT_EQ(Label(Figure::kKillSwitchLoss, ServiceSet::kAll), "kill-switch loss, all services");
  EXPECT_EQ(ScopeOf(Figure::kSabotage), Scope::kOwnedServices);
  EXPECT_EQ(ScopeOf(Figure::kKillSwitchLoss), Scope::kNetworkServices);
  EXPECT_EQ(Explain(Figure::kSabotage, ServiceSet::kAll),
            "sabotage share, all services, over the member's services — " +
                std::string(Define(Figure::kSabotage).sentence));
}

}  // namespace
}  // namespace redoubt
