#pragma once

#include <string>
#include <string_view>

namespace galley {

/// `text` in Unicode Normalization Form C (composed), so that "é" and "e\u0301" compare equal.
std::string to_nfc(std::string_view text);

/// `text` case-folded and in NFC: the key for comparing words regardless of case and encoding.
/// ASCII text takes a fast path that does not touch ICU.
std::string fold_key(std::string_view text);

/// fold_key() written over `out`, whose capacity serves again: no allocation per word for a
/// caller that folds word after word.
void fold_key_into(std::string_view text, std::string& out);

/// `text` with its combining marks taken off the letters ("Président" -> "President"), in NFC;
/// ASCII text as it is.
std::string without_accents(std::string_view text);

/// True when `a` and `b` are the same word regardless of case and normalisation.
bool same_word(std::string_view a, std::string_view b);

}  // namespace galley
