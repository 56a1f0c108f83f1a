#pragma once

#include <string_view>

namespace galley {

/// True when lowercase `word`, which the dictionaries reject, is one edit from a word of a job
/// title that forms the title with the word before it (`before`) or after it (`after`), both
/// lowercase: "Cheif" before "Operating Officer", "Direcor" after "Managing". A release's
/// titles are where a typo does most harm, and where a capitalised word is otherwise taken
/// for a name. The edit keeps the first letter, as a name's typo does.
bool job_title_typo(std::string_view word, std::string_view before, std::string_view after);

}  // namespace galley
