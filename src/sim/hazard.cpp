#include "sim/hazard.hpp"

#include <fmt/format.h>

#include <array>

#include "core/text.hpp"

namespace redoubt {

#define REDOUBT_HAZARD(name, reader) \
  std::unique_ptr<Hazard> reader(const Node& body, const HazardReadContext& context);
#include "sim/hazards/hazard_kinds.inc"
#undef REDOUBT_HAZARD

namespace {

#define REDOUBT_HAZARD(name, reader) HazardKind{name, reader},
constexpr HazardKind kKinds[] = {
#include "sim/hazards/hazard_kinds.inc"
};
#undef REDOUBT_HAZARD

}  // namespace

std::span<const HazardKind> HazardKinds() { return kKinds; }

std::unique_ptr<Hazard> ReadHazard(const Node& node, const HazardReadContext& context) {
  std::vector<std::string_view> names;
  for (const HazardKind& kind : HazardKinds()) names.push_back(kind.name);
  const std::string list = fmt::format("{}", fmt::join(names, ", "));
  if (!node.IsMap() || node.fields.size() != 1) {
    context.diagnostics.Error(
        context.source.LocationOf(node.offset),
        node.IsMap()
            ? fmt::format("a hazard must name exactly one kind, found {}", node.fields.size())
            : fmt::format("a hazard must be a map, found {}", TypeName(node.type)),
        fmt::format("write {{kind: {{...}}}} with one of: {}; combine several with composite",
                    list));
    return nullptr;
  }
  const Field& field = node.fields.front();
  for (const HazardKind& kind : HazardKinds()) {
    if (kind.name == field.key) return kind.read(field.value, context);
  }
  context.diagnostics.Error(context.source.LocationOf(field.key_offset),
                            fmt::format("unknown hazard kind '{}'", field.key),
                            SuggestionHint(field.key, names));
  return nullptr;
}

}  // namespace redoubt
