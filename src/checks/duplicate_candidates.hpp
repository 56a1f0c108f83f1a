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
/// "Candidate pairs"), except where a unit's rarest word pairs are shared by more than 16 units
/// of its length before it (the lines of a list made of the same words): there it is paired
/// with the nearest 16 of them, of the nearest 256. Ordered by the later unit, then by the
/// earlier one. Work grows with the number of units, not with its square.
std::vector<CandidatePair> candidate_pairs(const std::vector<DuplicateUnit>& units);

}  // namespace galley
