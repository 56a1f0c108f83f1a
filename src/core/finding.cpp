#include "core/finding.hpp"

#include <tuple>

namespace galley {

bool finding_before(const Finding& a, const Finding& b) {
  return std::tie(a.span.begin, a.span.end, a.rule, a.message) <
         std::tie(b.span.begin, b.span.end, b.rule, b.message);
}

}  // namespace galley
