// Reads well-formed JSON element, link and site records straight from the
// parser's flat values (FlatRecord), without a Node tree or a MapReader: the
// fast path for national-scale inventories.
//
// Each function either reads the record exactly as FileHandler's general
// reader (inventory_reader.cpp) would — the same staged record, the same
// strings interned in the same order, the same kinds — or, when the record
// holds anything that reader would report or treat as a special case (an
// unknown key, a wrong type, a value out of range, a missing key, a custom
// kind, a bad date...), returns false having changed nothing, and the caller
// hands the record to the general reader, which says what is wrong. So a
// record's diagnostics never depend on which path read it; tests compare the
// two paths record by record (tests/io/direct_records_test.cpp).
//
// Cost: one pass over the record's values and one hash lookup per string; the
// lookups of one record are prefetched together. Not thread-safe (interns).
#pragma once

#include "io/document.hpp"
#include "io/inventory_stage.hpp"

namespace redoubt::inventory_detail {

[[nodiscard]] bool ReadElementDirect(FlatRecord record, FileStage& stage, ReadContext& context);
[[nodiscard]] bool ReadLinkDirect(FlatRecord record, FileStage& stage, ReadContext& context);
[[nodiscard]] bool ReadSiteDirect(FlatRecord record, FileStage& stage, ReadContext& context);

}  // namespace redoubt::inventory_detail
