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

/// False when `a` and `b` start with ASCII bytes that differ beyond case, which rules out
/// same_word without a look at the rest (folding keeps ASCII ASCII, and composition keeps a base
/// letter first); true otherwise. Inline: checks ask it of every pair of neighbouring words.
inline bool may_be_same_word(std::string_view a, std::string_view b) {
  const auto byte = [](char c) { return static_cast<unsigned char>(c); };
  const auto lower = [&](char c) { return c >= 'A' && c <= 'Z' ? byte(c) | 0x20U : byte(c); };
  if (a.empty() || b.empty() || byte(a[0]) >= 0x80U || byte(b[0]) >= 0x80U) return true;
  return lower(a[0]) == lower(b[0]);
}

}  // namespace galley
