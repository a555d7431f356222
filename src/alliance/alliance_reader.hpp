// Reads an alliance file (`format: redoubt/alliance@1`, YAML or JSON; the
// shape is in alliance.hpp) into an AllianceSpec.
//
// Every problem is reported as file:line:col with a hint, and nothing is
// silently ignored: unknown keys (with "did you mean"), unknown levels,
// domains, severities, sectors and member codes, repeated member codes, a
// provider that is not a member, paths that do not exist (they are relative
// to the alliance file's folder), and conditions that ask nothing.
// Standards and networks are only checked to exist here; model.hpp loads them.
//
//   Result<AllianceSpec> spec = ReadAlliance("data/samples/allies/alliance.yaml");
//
// Complexity: linear in the size of the file.
#pragma once

#include <string>

#include "alliance/alliance.hpp"
#include "core/result.hpp"
#include "core/source.hpp"

namespace redoubt::alliance {

inline constexpr std::string_view kAllianceFormat = "redoubt/alliance@1";

[[nodiscard]] Result<AllianceSpec> ReadAlliance(const std::string& path);

// The same for a source already in memory; paths resolve against the folder
// of `source.name()`.
[[nodiscard]] Result<AllianceSpec> ReadAllianceSource(const SourceFile& source);

}  // namespace redoubt::alliance
