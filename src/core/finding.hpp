#pragma once

#include <string>
#include <vector>

#include "core/severity.hpp"
#include "core/span.hpp"

namespace galley {

/// Another place in the document that a finding refers to (e.g. the other copy of a duplicate).
struct RelatedSpan {
  Span span;         ///< Bytes of the original file.
  std::string note;  ///< Why it is related, e.g. "first copy".
};

/// One problem found in a document. All spans are byte ranges of the original file.
struct Finding {
  std::string rule;                      ///< Rule id, `category.name`.
  Severity severity = Severity::warning;  ///< Severity after configuration.
  std::string message;                   ///< One sentence for the reader, no trailing period.
  Span span;                             ///< The offending bytes.
  std::vector<std::string> suggestions;  ///< Replacements for `span`, best first.
  std::vector<RelatedSpan> related;      ///< Other places this finding refers to.
  Span context;                          ///< The sentence (or block) the span sits in.
};

/// Orders findings by position, then rule id, then message: the report's stable order.
bool finding_before(const Finding& a, const Finding& b);

}  // namespace galley
