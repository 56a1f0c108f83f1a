#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "checks/duplicate_units.hpp"

namespace galley {

/// A pair of unit indices (earlier, later) worth comparing word by word.
using CandidatePair = std::pair<std::size_t, std::size_t>;

/// The pairs of `units` that may be copies of each other within the word edits that
/// allowed_edits() grants them: every such pair, and few others (see docs/checks/duplicate.md,
/// "Candidate pairs"). Ordered by the later unit, then by the earlier one. Work grows with the
/// number of units, not with its square: where many units share their rarest word pairs (the
/// lines of a list), each is paired with at most 16 of them before it for each such pair.
std::vector<CandidatePair> candidate_pairs(const std::vector<DuplicateUnit>& units);

}  // namespace galley
