#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

/// One occurrence of a literal in a text.
struct LiteralHit {
  std::size_t literal = 0;  ///< Index of the literal in the matcher's list.
  std::size_t begin = 0;    ///< Byte offset of its first byte in the text.
  std::size_t end = 0;      ///< One past its last byte: longer than the literal across a run.
};

/// Finds every occurrence of many literals in one pass (Aho-Corasick over bytes). ASCII letters
/// of the text are compared in lower case, so literals must be written in lower case; a run of
/// ASCII white space (space, tab, line feed, vertical tab, form feed, carriage return), in the
/// text or in a literal, is one space; other bytes (UTF-8 included) compare exactly. Immutable
/// once built: safe to share between threads.
class LiteralMatcher {
 public:
  /// A matcher for no literal: finds nothing.
  LiteralMatcher() : LiteralMatcher(std::vector<std::string>{}) {}
  /// A matcher for `literals` (non-empty strings; duplicates are allowed and each is reported).
  explicit LiteralMatcher(const std::vector<std::string>& literals);

  /// Appends every occurrence of every literal in `text` to `out`, overlapping ones included,
  /// in order of their last byte (and of the literal's index for the same last byte).
  void find_all(std::string_view text, std::vector<LiteralHit>& out) const;

  /// The byte length of literal `literal`, a run of white space counted as one byte: a hit
  /// is this long, or longer where the text has a longer run.
  [[nodiscard]] std::size_t length(std::size_t literal) const { return lengths_[literal]; }

 private:
  std::vector<std::string> literals_;     ///< The literals, each run of white space one space.
  std::vector<std::uint8_t> byte_class_;  ///< 256 entries: the column of each input byte.
  std::size_t classes_ = 1;               ///< Columns of `next_` (class 0: bytes in no literal).
  std::vector<std::uint32_t> next_;       ///< Transitions, states x classes: row | has-output.
  std::vector<std::uint32_t> first_out_;  ///< Per state, where its outputs start in `outputs_`.
  std::vector<std::uint32_t> outputs_;    ///< Literal indexes ending at each state, suffixes too.
  std::vector<std::size_t> lengths_;      ///< Byte length of each literal.
  std::size_t longest_ = 0;               ///< The longest literal's length.

  void build_classes(const std::vector<std::string>& literals);
  /// find_all in one search from the first byte to the last.
  void scan(std::string_view text, std::vector<LiteralHit>& out) const;
  /// Appends the literals ending at byte `pos` of `text`, whose search has reached row `row`.
  void emit(std::uint32_t row, std::string_view text, std::size_t pos,
            std::vector<LiteralHit>& out) const;
  /// Where literal `literal`, whose last character was read at byte `last` of `text`, starts.
  [[nodiscard]] std::size_t begin_of(std::size_t literal, std::string_view text,
                                     std::size_t last) const;
};

}  // namespace galley
