#include "analysis/exposure_cache.hpp"

namespace redoubt {

const ExposureResult& ExposureCache::Get(const Network& network,
                                         std::span<const std::uint8_t> untrusted,
                                         std::uint32_t max_paths) {
  std::vector<VendorIndex> vendors;
  vendors.reserve(network.elements.size());
  for (const Element& element : network.elements) vendors.push_back(element.vendor);
  Key key{network.info.id, std::move(vendors),
          std::vector<std::uint8_t>(untrusted.begin(), untrusted.end()), max_paths};
  Entry* entry = nullptr;
  {
    const std::lock_guard lock(mutex_);
    auto& slot = entries_[std::move(key)];
    if (!slot) slot = std::make_unique<Entry>();
    entry = slot.get();
  }
  // Outside the lock: other analyses proceed; callers of this one wait here.
  std::call_once(entry->once, [&] {
    ExposureOptions options;
    options.untrusted.assign(network.elements.size(), false);
    for (std::size_t element = 0; element < untrusted.size() && element < network.elements.size();
         ++element) {
      options.untrusted[element] = untrusted[element] != 0;
    }
    options.max_paths = max_paths;
    entry->result = std::make_unique<ExposureResult>(AnalyzeExposure(network, options));
  });
  return *entry->result;
}

std::size_t ExposureCache::Analyses() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace redoubt
