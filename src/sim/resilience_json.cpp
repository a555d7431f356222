#include "sim/resilience_json.hpp"

#include <cmath>

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

double Round6(double value) { return std::round(value * 1e6) / 1e6; }

Json Rounded(const std::vector<double>& values) {
  Json out = Json::array();
  for (double value : values) out.push_back(Round6(value));
  return out;
}

Json BandJson(const Band& band) {
  return {{"mean", Rounded(band.mean)},
          {"p5", Rounded(band.p5)},
          {"p50", Rounded(band.p50)},
          {"p95", Rounded(band.p95)}};
}

Json EstimateJson(const Estimate& estimate, bool with_censored = false) {
  Json out = {{"mean", Round6(estimate.mean)},
              {"ci95", {Round6(estimate.ci_low), Round6(estimate.ci_high)}},
              {"p5", Round6(estimate.p5)},
              {"p50", Round6(estimate.p50)},
              {"p95", Round6(estimate.p95)}};
  if (with_censored) out["censored"] = estimate.censored;
  return out;
}

}  // namespace

Json ResilienceNetworkJson(const PreparedRun& run, const RunResults& results,
                           const ResilienceSummary& summary) {
  const Network& network = *run.net.network;
  Json out;
  out["id"] = network.info.id;
  out["elements"] = network.elements.size();
  out["links"] = network.links.size();
  out["trials_completed"] = results.completed;
  out["notes"] = run.notes;
  Json down = Json::array();
  for (ServiceIndex service : run.down_at_start)
    down.push_back(network.Str(network.services[service].id));
  out["services_followed"] = run.series.services.size();
  out["services_down_before"] = down;
  Json checkpoints = Json::array();
  for (std::uint32_t checkpoint = 0; checkpoint < run.grid.count; ++checkpoint) {
    checkpoints.push_back(Round6(run.grid.At(checkpoint)));
  }
  out["checkpoints_hours"] = checkpoints;
  Json series_list = Json::array();
  for (const SeriesSummary& series : summary.series) {
    series_list.push_back({{"series", series.name},
                           {"services", series.services},
                           {"weight", Round6(series.weight)},
                           {"weight_level", BandJson(series.weight_level)},
                           {"service_level", BandJson(series.service_level)},
                           {"loss_hours", EstimateJson(series.loss_hours)},
                           {"min_level", EstimateJson(series.min_level)},
                           {"recover_90_hours", EstimateJson(series.recover_90_hours, true)},
                           {"recover_95_hours", EstimateJson(series.recover_95_hours, true)},
                           {"recover_100_hours", EstimateJson(series.recover_100_hours, true)}});
  }
  out["series"] = series_list;
  Json services = Json::array();
  for (const ServiceHurt& hurt : summary.services) {
    const Service& service = network.services[hurt.service];
    services.push_back(
        {{"id", network.Str(service.id)},
         {"sector", Name(service.sector)},
         {"weight", Round6(service.weight)},
         {"down_trials", hurt.down_trials},
         {"down_share", Round6(hurt.down_share)},
         {"down_share_ci95", {Round6(hurt.down_share_low), Round6(hurt.down_share_high)}},
         {"mean_down_hours", Round6(hurt.mean_down_hours)},
         {"mean_down_hours_ci95", {Round6(hurt.down_hours_low), Round6(hurt.down_hours_high)}}});
  }
  out["services_hurt"] = services;
  Json regions = Json::array();
  for (const RegionHurt& hurt : summary.regions) {
    regions.push_back(
        {{"region", hurt.region},
         {"hurt_trials", hurt.hurt_trials},
         {"hurt_share", Round6(hurt.hurt_share)},
         {"hurt_share_ci95", {Round6(hurt.hurt_share_low), Round6(hurt.hurt_share_high)}},
         {"weight_hours_lost", EstimateJson(hurt.weight_hours_lost)}});
  }
  out["regions_hurt"] = regions;
  return out;
}

Json PercolationNetworkJson(const Network& network, const PercolationResult& result) {
  Json out;
  out["id"] = network.info.id;
  out["elements"] = network.elements.size();
  out["links"] = network.links.size();
  out["orderings_completed"] = result.completed;
  out["fraction_failed"] = Rounded(result.fraction_failed);
  out["giant_share"] = BandJson(result.giant_share);
  out["weight_level"] = BandJson(result.weight_level);
  out["service_level"] = BandJson(result.service_level);
  return out;
}

Json ResilienceDocument(const RunHeader& header, std::vector<Json> networks) {
  Json document;
  document["format"] = "redoubt/resilience@1";
  document["seed"] = header.seed;
  document["trials"] = header.trials;
  document["trials_completed"] = header.completed;
  document["partial"] = header.partial;
  document["scenario"] = header.scenario;
  document["networks"] = std::move(networks);
  return document;
}

}  // namespace redoubt
