#include "segment/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "segment/icu_text.hpp"
#include "segment/nonword.hpp"

namespace galley {
namespace {

std::unique_ptr<icu::BreakIterator> make_iterator(bool sentences) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
                : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !iterator) {
    throw std::runtime_error(std::string("ICU break iterator unavailable: ") + u_errorName(status));
  }
  return iterator;
}

constexpr bool is_ascii_letter(unsigned char c) {
  return static_cast<unsigned>((c | 0x20U) - 'a') < 26U;
}

/// What the plain-word search needs of a byte, as bits.
enum ByteRole : std::uint8_t {
  kLetterByte = 1,     ///< An ASCII letter.
  kSeparatorByte = 2,  ///< In no word or number of its own (kByteRoles).
  kJoinerByte = 4,     ///< Joins two letters (kByteRoles).
  kDigitByte = 8,      ///< An ASCII digit.
};

/// The roles of each byte value: the plain-word search reads every byte of the text, and
/// one load answers what took up to six comparisons.
constexpr std::array<std::uint8_t, 256> kByteRoles = [] {
  std::array<std::uint8_t, 256> roles{};
  for (unsigned c = 0; c < 256; ++c) {
    const bool letter = is_ascii_letter(static_cast<unsigned char>(c));
    const bool digit = c >= '0' && c <= '9';
    // ASCII that is in no word or number of its own: space, controls and punctuation but '_'
    // and '@' (a letter to ICU, which keeps e-mail addresses whole). Those of it that join
    // letters, ':' '.' '\'', are taken care of by plain_word.
    const bool separator = c < 0x80U && !letter && !digit && c != '_' && c != '@';
    // The word-break classes (UAX #29) of ASCII between two letters: MidLetter, MidNumLet and
    // Single_Quote join them ("e.g", "don't"), and so does nothing else that is a separator.
    const bool joiner = c == ':' || c == '.' || c == '\'';
    roles[c] =
        static_cast<std::uint8_t>((letter ? kLetterByte : 0) | (separator ? kSeparatorByte : 0) |
                                  (joiner ? kJoinerByte : 0) | (digit ? kDigitByte : 0));
  }
  return roles;
}();

/// ASCII in no word or number of its own (kByteRoles).
bool is_separator(unsigned char c) { return (kByteRoles[c] & kSeparatorByte) != 0; }

// A run of ASCII letters is one ICU word, and its bounds are ICU boundaries, whatever comes
// before and after its neighbours, when the byte before it is a separator that cannot join
// letters, or none, and the byte after it is a separator that cannot join letters, or one that
// can but is not followed by a letter, or none. Rules WB5-WB13b of UAX #29 (as ICU's word rules
// have them, '@' a letter) join a letter only to letters, digits, '_' and, with a letter on its
// other side, a MidLetter or MidNumLet; a separator is ASCII, so no Extend or Format character
// lies between (WB4). The segmenter test holds this against ICU's own boundaries on many texts.

/// The end of the plain word that starts at byte `pos` of `bytes`, or `pos` when there is none.
std::size_t plain_word(std::string_view bytes, std::size_t pos) {
  const auto role = [&](std::size_t i) { return kByteRoles[static_cast<unsigned char>(bytes[i])]; };
  if ((role(pos) & kLetterByte) == 0) return pos;
  if (pos > 0 && (role(pos - 1) & (kSeparatorByte | kJoinerByte)) != kSeparatorByte) return pos;
  std::size_t end = pos + 1;
  while (end < bytes.size() && (role(end) & kLetterByte) != 0) ++end;
  if (end == bytes.size()) return end;
  const std::uint8_t after = role(end);
  if ((after & kSeparatorByte) == 0) return pos;
  if ((after & kJoinerByte) != 0 && end + 1 < bytes.size() &&
      (role(end + 1) & (kSeparatorByte | kDigitByte)) == 0) {
    return pos;
  }
  return end;
}

// Sentence boundaries (UAX #29 as ICU's rules have it) come only after a sentence terminator
// (ATerm '.', STerm '!' '?' and their like), with the Close and Sp after it, or after a
// paragraph separator (Sep, CR, LF): nowhere else. Whether one comes there is decided by what
// lies between the letter before the terminator (rule 7) and the first letter after it (rule 8
// looks past digits, spaces and punctuation up to one), and by the abbreviations of the filter
// (en@ss=standard), which reads back from the boundary over one space and at most the length
// of its longest exception ("Approx.", six letters before its dot in ICU 72). A letter ends every
// rule's match that runs through it and starts no match that needs what came before, so the
// iteration that starts at a letter is in the state it would be in had it come from further back.
// ICU is therefore asked about windows only: each from a letter at least kSentenceLookBehind units
// before a terminator or separator to the first letter after the run of non-letters that holds it,
// the windows joined with a paragraph separator (U+2029) between them, after which ICU breaks and
// starts afresh. The segmenter test holds the boundaries against ICU's over the whole text on many
// texts.

/// Units of text before a terminator that its window holds, at least: five times what the
/// longest of the filter's exceptions needs (the test finds 6 the least that gives ICU's
/// boundaries), for exceptions a later ICU may add.
constexpr std::size_t kSentenceLookBehind = 32;

/// What the sentence search needs of a code point's Sentence_Break class (UAX #29).
enum class SentenceRole : std::uint8_t {
  other,   ///< Neither of the below.
  stop,    ///< A terminator or a separator: a boundary can come after it.
  letter,  ///< Upper, Lower or OLetter.
};

/// The role of `c`, by its class as ICU has it.
SentenceRole sentence_role(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM:
    case U_SB_STERM:
    case U_SB_SEP:
    case U_SB_CR:
    case U_SB_LF:
      return SentenceRole::stop;
    case U_SB_UPPER:
    case U_SB_LOWER:
    case U_SB_OLETTER:
      return SentenceRole::letter;
    default:
      return SentenceRole::other;
  }
}

/// sentence_role of each ASCII character, filled from ICU once.
const std::array<SentenceRole, 128>& ascii_sentence_roles() {
  static const std::array<SentenceRole, 128> roles = [] {
    std::array<SentenceRole, 128> table{};
    for (UChar32 c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = sentence_role(c);
    return table;
  }();
  return roles;
}

/// The UTF-16 text `units` of `length` units, read by code point.
struct Utf16View {
  const char16_t* units;
  std::size_t length;

  /// True when a surrogate pair starts at `at`.
  [[nodiscard]] bool pair_at(std::size_t at) const {
    return U16_IS_LEAD(units[at]) && at + 1 < length && U16_IS_TRAIL(units[at + 1]);
  }
  /// The code point that starts at `at` (a lone surrogate as itself).
  [[nodiscard]] UChar32 at(std::size_t at) const {
    return pair_at(at) ? U16_GET_SUPPLEMENTARY(units[at], units[at + 1]) : UChar32{units[at]};
  }
  /// The start of the code point after the one at `at`.
  [[nodiscard]] std::size_t next(std::size_t at) const { return at + (pair_at(at) ? 2 : 1); }
  /// True when unit `at` starts a code point (it is not the second half of a pair).
  [[nodiscard]] bool starts_code_point(std::size_t at) const {
    return !(U16_IS_TRAIL(units[at]) && at > 0 && U16_IS_LEAD(units[at - 1]));
  }
  /// The first code point from `at` on whose role is `wanted`, or `length`. ASCII is read
  /// from the table a unit at a time: this reads every unit of the text.
  [[nodiscard]] std::size_t find(std::size_t at, SentenceRole wanted,
                                 const std::array<SentenceRole, 128>& ascii) const {
    for (;;) {
      while (at < length && units[at] < 128 && ascii[units[at]] != wanted) ++at;
      if (at >= length || units[at] < 128 || sentence_role(this->at(at)) == wanted) return at;
      at = next(at);
    }
  }
};

}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words = make_iterator(false);
  std::unique_ptr<icu::BreakIterator> sentences = make_iterator(true);
  IcuText text;
  // A block's tokens and sentences are gathered here, then copied out at their exact size: the
  // vectors a document keeps grew by doubling and were trimmed, three or four allocations and
  // copies each, the first touch of most of that memory on a long document.
  std::vector<Token> token_scratch;
  std::vector<Span> sentence_scratch;
  /// A window of a text's sentence search: `length` units from unit `text`, at unit `joined`
  /// of the windows joined.
  struct Window {
    std::size_t text = 0;
    std::size_t joined = 0;
    std::size_t length = 0;

    /// The unit of the text just past the window.
    [[nodiscard]] std::size_t text_end() const { return text + length; }
  };
  std::vector<Window> windows;
  std::u16string joined;  ///< The windows, U+2029 after each but the last.
  UText* joined_text = nullptr;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() { utext_close(joined_text); }

  /// Fills `windows` and `joined` for the text `view`: no window where it has no terminator
  /// or separator. A window that would start at or before the end of the one before, or that
  /// finds no letter to start at, extends the one before (or starts at the text's start).
  void join_sentence_windows(const Utf16View& view) {
    windows.clear();
    joined.clear();
    const std::array<SentenceRole, 128>& ascii = ascii_sentence_roles();
    std::size_t scan = 0;
    while (true) {
      const std::size_t stop = view.find(scan, SentenceRole::stop, ascii);
      if (stop >= view.length) return;
      const std::size_t letter = view.find(view.next(stop), SentenceRole::letter, ascii);
      const std::size_t end = letter < view.length ? view.next(letter) : view.length;
      add_window(view, window_start(view, stop), end);
      scan = end;
    }
  }

  /// Where the window of the terminator or separator at `stop` starts: a letter at least
  /// kSentenceLookBehind units before it and after the last window, or that window's end (the
  /// two are joined), or the text's start.
  [[nodiscard]] std::size_t window_start(const Utf16View& view, std::size_t stop) const {
    const std::size_t floor = windows.empty() ? 0 : windows.back().text_end();
    if (stop < floor + kSentenceLookBehind) return floor;
    for (std::size_t at = stop - kSentenceLookBehind;; --at) {
      if (view.starts_code_point(at) && sentence_role(view.at(at)) == SentenceRole::letter) {
        return at;
      }
      if (at == floor) return floor;
    }
  }

  /// Adds units [begin, end) of `view` as a window, or to the last window where it ends at
  /// `begin`.
  void add_window(const Utf16View& view, std::size_t begin, std::size_t end) {
    if (!windows.empty() && windows.back().text_end() == begin) {
      windows.back().length += end - begin;
    } else {
      if (!windows.empty()) joined += u'\u2029';
      windows.push_back({begin, joined.size(), end - begin});
    }
    joined.append(view.units + begin, end - begin);
  }

  /// Points `iterator` at the text last made ready.
  void point(icu::BreakIterator& iterator) {
    UErrorCode status = U_ZERO_ERROR;
    iterator.setText(text.utext(), status);
  }
  /// The byte span between two ICU boundaries.
  [[nodiscard]] Span span(int32_t begin, int32_t end) const {
    return {text.byte_offset(begin), text.byte_offset(end)};
  }

  /// The sentences of the text made ready: ICU's, asked about the windows where a boundary
  /// can be (see kSentenceLookBehind) when the text is held in UTF-16.
  std::vector<Span> sentences_of() {
    if (text.units() == nullptr) return icu_sentences_of();
    const Utf16View view{text.units(), text.length()};
    join_sentence_windows(view);
    std::vector<Span>& out = sentence_scratch;
    out.clear();
    std::size_t begin = 0;
    const auto add = [&](std::size_t boundary) {
      out.push_back({text.byte_offset(static_cast<int64_t>(begin)),
                     text.byte_offset(static_cast<int64_t>(boundary))});
      begin = boundary;
    };
    if (!windows.empty()) {
      UErrorCode status = U_ZERO_ERROR;
      joined_text = utext_openUChars(joined_text, joined.data(),
                                     static_cast<int64_t>(joined.size()), &status);
      sentences->setText(joined_text, status);
      icu::BreakIterator& it = *sentences;
      std::size_t w = 0;
      for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next()) {
        const auto at = static_cast<std::size_t>(end);
        while (w < windows.size() && at >= windows[w].joined + windows[w].length) ++w;
        if (w == windows.size()) break;
        // A window's first unit follows a true boundary or a letter: no boundary is before it.
        if (at > windows[w].joined) add(windows[w].text + (at - windows[w].joined));
      }
    }
    add(view.length);
    return {out.begin(), out.end()};
  }

  /// The sentences of the text made ready, every boundary found by ICU over the whole text.
  std::vector<Span> icu_sentences_of() {
    std::vector<Span>& out = sentence_scratch;
    out.clear();
    point(*sentences);
    icu::BreakIterator& it = *sentences;
    int32_t begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      out.push_back(span(begin, end));
    }
    return {out.begin(), out.end()};
  }

  /// The tokens of the text made ready, `bytes`: ICU's, except that the plain words (plain_word)
  /// are taken without it. ICU iterates from the first boundary before what is not plain to the
  /// first boundary after it where plain text starts again.
  std::vector<Token> tokens_of(std::string_view bytes) {
    TokenSink sink(bytes, token_scratch);
    point(*words);
    std::size_t pos = 0;
    while (pos < bytes.size()) {
      const auto c = static_cast<unsigned char>(bytes[pos]);
      if (is_separator(c)) {
        ++pos;
        continue;
      }
      if (const std::size_t end = plain_word(bytes, pos); end > pos) {
        sink.add_plain(Span{pos, end});
        pos = end;
        continue;
      }
      pos = iterate_from(bytes, pos, sink);
    }
    return sink.finish();
  }

  /// The tokens of the text made ready, `bytes`, every boundary found by ICU.
  std::vector<Token> icu_tokens_of(std::string_view bytes) {
    TokenSink sink(bytes, token_scratch);
    point(*words);
    icu::BreakIterator& it = *words;
    int32_t begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      sink.add(span(begin, end), it.getRuleStatus());
    }
    return sink.finish();
  }

 private:
  /// Tokens from ICU's segments in order, with the non-words (URLs, addresses) put in their
  /// place: a segment that overlaps one is dropped.
  class TokenSink {
   public:
    /// Gathers into `scratch`, emptied first.
    TokenSink(std::string_view bytes, std::vector<Token>& scratch)
        : bytes_(bytes), nonwords_(find_nonwords(bytes)), next_(nonwords_.begin()), out_(scratch) {
      out_.clear();
    }
    TokenSink(const TokenSink&) = delete;  // `next_` points into `nonwords_`.
    TokenSink& operator=(const TokenSink&) = delete;

    /// Adds the segment `word` of rule status `status`, if it is a word or a number.
    void add(Span word, int32_t status) {
      if (!place(word)) return;
      if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
        out_.push_back({word, TokenKind::number});
      } else if (status >= UBRK_WORD_LETTER) {
        out_.push_back({word, classify_word(bytes_.substr(word.begin, word.size()))});
      }
    }
    /// Adds `word`, a plain word (plain_word): ASCII letters, so a word, not a domain name.
    void add_plain(Span word) {
      if (place(word)) out_.push_back({word, TokenKind::word});
    }

    /// The tokens, the non-words after the last segment included, in a vector of their size.
    std::vector<Token> finish() {
      out_.insert(out_.end(), next_, nonwords_.cend());
      return {out_.begin(), out_.end()};
    }

   private:
    /// Adds the non-words before `word`; false when `word` is not to be added (it overlaps a
    /// non-word, or is too long to be a word).
    bool place(Span word) {
      while (next_ != nonwords_.end() && next_->span().end <= word.begin) out_.push_back(*next_++);
      if (next_ != nonwords_.end() && next_->span().begin < word.end) return false;
      return word.size() <= Token::kMaxLength;  // 256 MiB without a break is no word.
    }

    std::string_view bytes_;
    std::vector<Token> nonwords_;
    std::vector<Token>::const_iterator next_;
    std::vector<Token>& out_;
  };

  /// Adds ICU's segments from the boundary at or before byte `from` on, up to a boundary where a
  /// plain word starts; returns that boundary (or the end). What lies between that first
  /// boundary and `from` is separators, since a plain word ends at a separator or the end: no
  /// token is added twice.
  std::size_t iterate_from(std::string_view bytes, std::size_t from, TokenSink& sink) {
    icu::BreakIterator& it = *words;
    int32_t begin = it.preceding(static_cast<int32_t>(text.native(from)) + 1);
    if (begin == icu::BreakIterator::DONE) begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      sink.add(span(begin, end), it.getRuleStatus());
      const std::size_t at = text.byte_offset(end);
      if (at > from && at < bytes.size() && plain_word(bytes, at) > at) return at;
    }
    return bytes.size();
  }
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

std::vector<Span> Segmenter::sentences(std::string_view text) {
  if (text.empty()) return {};
  impl_->text.assign(text);
  return impl_->sentences_of();
}

std::vector<Token> Segmenter::tokens(std::string_view text) {
  if (text.empty()) return {};
  impl_->text.assign(text);
  return impl_->tokens_of(text);
}

std::vector<Span> Segmenter::icu_sentences(std::string_view text) {
  if (text.empty()) return {};
  impl_->text.assign(text);
  return impl_->icu_sentences_of();
}

std::vector<Token> Segmenter::icu_tokens(std::string_view text) {
  if (text.empty()) return {};
  impl_->text.assign(text);
  return impl_->icu_tokens_of(text);
}

Segments Segmenter::segments(std::string_view text, bool want_sentences, bool want_tokens) {
  Segments out;
  if (text.empty() || (!want_sentences && !want_tokens)) return out;
  impl_->text.assign(text);  // Once for both iterators.
  if (want_sentences) out.sentences = impl_->sentences_of();
  if (want_tokens) out.tokens = impl_->tokens_of(text);
  return out;
}

std::vector<bool> sentence_starts(const Segments& segments) {
  const std::vector<Token>& tokens = segments.tokens;
  std::vector<bool> starts(tokens.size(), false);
  if (!tokens.empty()) starts[0] = true;
  std::size_t t = 0;
  for (const Span sentence : segments.sentences) {
    while (t < tokens.size() && tokens[t].span().begin < sentence.begin) ++t;
    if (t < tokens.size() && tokens[t].span().begin < sentence.end) starts[t] = true;
  }
  return starts;
}

}  // namespace galley
