// A release's dates are facts readers act on: an embargo, an event, a deadline. A weekday that
// does not match its date ("Wednesday 12 January 2027", a Tuesday) or a date that does not exist
// ("31 April") is a slip no spelling check sees, and the calendar settles it.
#include "checks/date_check.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>

#include "checks/registry.hpp"
#include "core/ascii.hpp"
#include "input/document.hpp"
#include "input/text_heuristics.hpp"

namespace galley {
namespace {

constexpr std::string_view kWeekdayId = "date.weekday-mismatch";
constexpr std::string_view kImpossibleId = "date.impossible-date";

constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/// One date of the text: a day and a month, with a weekday and a year where written.
struct DateMention {
  Span span;                        ///< Of the block's text: the whole date.
  Span weekday_span;                ///< Of the block's text: the weekday, or empty.
  std::optional<unsigned> weekday;  ///< 0 = Sunday.
  unsigned day = 0;                 ///< 1-31 as written (up to 31, whatever the month).
  unsigned month = 0;               ///< 1-12.
  std::optional<int> year;          ///< As written.
};

/// The index into `names` of `word`, written whole or as its first three letters (four for
/// "Tues", "Thur", "Sept"; "Thurs" too), capitalised or in capitals; or nothing.
template <std::size_t N>
std::optional<unsigned> name_index(std::string_view word,
                                   const std::array<std::string_view, N>& names) {
  // Asked of every capitalised word of a document: the names' first letters and length rule
  // out nearly all of them before the word is folded. Names are taken capitalised only, which
  // DateReader::read relies on (may_open_date).
  if (word.size() < 3 || word.size() > 9 || word[0] < 'A' || word[0] > 'Z') return std::nullopt;
  const char first = static_cast<char>(word[0] - 'A' + 'a');
  if (std::none_of(names.begin(), names.end(),
                   [&](std::string_view name) { return name[0] == first; })) {
    return std::nullopt;
  }
  const std::string lower = ascii_lower(word);
  for (std::size_t i = 0; i < N; ++i) {
    const std::string_view name = names[i];
    if (lower == name) return static_cast<unsigned>(i);
    if (lower.size() <= 5 && lower.size() < name.size() && name.starts_with(lower) &&
        (lower.size() == 3 || lower == "tues" || lower == "thur" || lower == "thurs" ||
         lower == "sept")) {
      return static_cast<unsigned>(i);
    }
  }
  return std::nullopt;
}

/// A day of the month as written: one or two digits, with an ordinal ending or none ("12th").
std::optional<unsigned> day_of(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && digits < 3 && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  const std::string rest = ascii_lower(word.substr(digits));
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") {
    return std::nullopt;
  }
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(word.substr(0, digits))));
  if (day == 0 || day > 31) return std::nullopt;
  return day;
}

/// False when `word` can open no date: read_at and read_range_start start at a weekday's or a
/// month's name, capitalised (name_index), or at a day's digits (day_of).
bool may_open_date(std::string_view word) {
  return !word.empty() &&
         ((word[0] >= 'A' && word[0] <= 'Z') || (word[0] >= '0' && word[0] <= '9'));
}

/// A year from 1900 to 2099, four digits.
std::optional<int> year_of(std::string_view word) {
  if (word.size() != 4 ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const int year = std::stoi(std::string(word));
  if (year < 1900 || year > 2099) return std::nullopt;
  return year;
}

/// The first three letters of `word` folded, as one number; 0 for a word that is not
/// capitalised or has fewer than three letters.
std::uint32_t key_of(std::string_view word) {
  if (word.size() < 3 || word[0] < 'A' || word[0] > 'Z') return 0;
  std::uint32_t key = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;
    key = key << 8U | (c | 0x20U);
  }
  return key;
}

/// True when a capitalised word of the block opens as a month's name does: a block without one
/// has no date (nearly every block of a long text).
bool mentions_month(std::string_view text, const std::vector<Token>& tokens) {
  static const std::array<std::uint32_t, 12> kKeys = [] {
    std::array<std::uint32_t, 12> keys{};
    for (std::size_t m = 0; m < 12; ++m) {
      const std::string capitalised{static_cast<char>(kMonths[m][0] - 'a' + 'A'), kMonths[m][1],
                                    kMonths[m][2]};
      keys[m] = key_of(capitalised);
    }
    return keys;
  }();
  // Asked of every token of a document: the first byte turns away all but a few.
  static constexpr std::array<bool, 256> kInitial = [] {
    std::array<bool, 256> initial{};
    for (const std::string_view month : kMonths) {
      initial[static_cast<unsigned char>(month[0] - 'a' + 'A')] = true;
    }
    return initial;
  }();
  return std::any_of(tokens.begin(), tokens.end(), [&](const Token& token) {
    if (!kInitial[static_cast<unsigned char>(text[token.span().begin])]) return false;
    const std::uint32_t key = key_of(text.substr(token.span().begin, token.span().size()));
    return key != 0 && std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
  });
}

/// What may stand between two tokens of a date besides spaces (a line break of wrapped text,
/// a no-break space): a comma ("Tuesday, 12 January"; "January 12, 2027"), or a full stop
/// after an abbreviation ("Wed. 12", "Jan. 12").
struct Gap {
  bool comma = false;  ///< One comma may come first.
  bool stop = false;   ///< One full stop may come first.
};

/// Reads the tokens of one block as dates.
class DateReader {
 public:
  DateReader(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  /// The dates of the block, in order, none overlapping.
  std::vector<DateMention> read() {
    std::vector<DateMention> dates;
    for (std::size_t i = 0; i < tokens_.size();) {
      std::size_t next = i;
      if (!may_open_date(word(i))) {  // Most tokens: a date opens with a capital or a digit.
        ++i;
      } else if (std::optional<DateMention> date = read_at(i, next)) {
        dates.push_back(*date);
        i = next;
      } else if (std::optional<DateMention> first = read_range_start(i, next)) {
        dates.push_back(*first);
        i = next;  // The range's end, a date of its own.
      } else {
        ++i;
      }
    }
    return dates;
  }

 private:
  std::string_view word(std::size_t i) const {
    return text_.substr(tokens_[i].span().begin, tokens_[i].span().size());
  }

  /// True when token `i + 1` follows token `i` with only spaces and what `gap` allows between:
  /// a date is written in one run, and "In April, 31 schools" or "to 31. April" are none.
  bool joined(std::size_t i, Gap gap = {}) const {
    if (i + 1 >= tokens_.size()) return false;
    const std::string_view between =
        text_.substr(tokens_[i].span().end, tokens_[i + 1].span().begin - tokens_[i].span().end);
    if (between.empty() || between.size() > 4) return false;
    std::size_t at = 0;
    if (gap.stop && between[at] == '.') ++at;  // "Wed., Jan. 12": a stop, then a comma.
    if (gap.comma && at < between.size() && between[at] == ',') ++at;
    if (at == between.size()) return false;  // "Jan.12": a space must follow.
    while (at < between.size()) {
      if (between[at] == ' ' || between[at] == '\n' || between[at] == '\r') {
        ++at;
      } else if (between.substr(at, 2) == "\xC2\xA0") {
        at += 2;
      } else {
        return false;
      }
    }
    return true;
  }

  /// True when token `i` is `lower` in any case, and joined to the next token.
  bool filler(std::size_t i, std::string_view lower) const {
    return i < tokens_.size() && ascii_lower(word(i)) == lower && joined(i);
  }

  /// True when token `i`, a weekday's or a month's name, is written short ("Wed", "Sept").
  bool abbreviated(std::size_t i, std::string_view full) const {
    return word(i).size() < full.size();
  }

  /// The year after token `last` (the day or the month), if one is written there: after a space
  /// or a comma ("January 12, 2027", "12 January, 2027"), where a word after a comma's number
  /// makes it a count instead ("March 3, 2000 runners").
  std::optional<int> year_after(std::size_t last) const {
    if (last + 1 >= tokens_.size() || !joined(last, {true, false})) return std::nullopt;
    const std::optional<int> year = year_of(word(last + 1));
    if (!year || text_[tokens_[last].span().end] != ',') return year;
    // A year is followed by a sentence's next words ("at noon", "and"), a count by its noun.
    static constexpr std::array<std::string_view, 24> kAfterYear = {
        "after", "and",     "are", "as",    "at",  "before", "between", "by",
        "for",   "from",    "had", "has",   "in",  "is",     "on",      "or",
        "the",   "through", "to",  "until", "was", "were",   "when",    "will"};
    if (last + 2 < tokens_.size() && joined(last + 1)) {
      const std::string_view next = word(last + 2);
      if (next[0] >= 'a' && next[0] <= 'z' &&
          std::find(kAfterYear.begin(), kAfterYear.end(), next) == kAfterYear.end()) {
        return std::nullopt;
      }
    }
    return year;
  }

  /// The date that starts at token `i`, `next` set past it: [weekday] [the] day [of] month
  /// [year], or [weekday] month day [year].
  std::optional<DateMention> read_at(std::size_t i, std::size_t& next) const {
    DateMention date;
    std::size_t at = i;
    if (const std::optional<unsigned> weekday = name_index(word(at), kWeekdays)) {
      if (!joined(at, {true, abbreviated(at, kWeekdays[*weekday])})) return std::nullopt;
      date.weekday = weekday;
      date.weekday_span = tokens_[at].span();
      ++at;
      if (filler(at, "the")) ++at;
    }
    if (at >= tokens_.size()) return std::nullopt;
    if (const std::optional<unsigned> day = day_of(word(at))) {
      if (!joined(at)) return std::nullopt;
      ++at;
      if (filler(at, "of")) ++at;
      const std::optional<unsigned> month =
          at < tokens_.size() ? name_index(word(at), kMonths) : std::nullopt;
      if (!month) return std::nullopt;
      date.day = *day;
      date.month = *month + 1;
    } else if (const std::optional<unsigned> month = name_index(word(at), kMonths)) {
      if (!joined(at, {false, abbreviated(at, kMonths[*month])}) || at + 1 >= tokens_.size()) {
        return std::nullopt;
      }
      const std::optional<unsigned> day_after = day_of(word(at + 1));
      if (!day_after) return std::nullopt;
      ++at;
      date.day = *day_after;
      date.month = *month + 1;
    } else {
      return std::nullopt;
    }
    std::size_t last = at;  // The day or the month, whichever came last.
    if (const std::optional<int> year = year_after(last)) {
      date.year = year;
      ++last;
    }
    date.span = {tokens_[i].span().begin, tokens_[last].span().end};
    next = last + 1;
    return date;
  }

  /// True when a range's end follows token `i`: a dash between ("12 – Friday 16", "12-16") or
  /// a word that joins two days ("to", "and", "until", "till", "through"). Sets `end` to the
  /// token the range's end starts at.
  bool range_joins(std::size_t i, std::size_t& end) const {
    if (i + 1 >= tokens_.size()) return false;
    std::string_view between =
        text_.substr(tokens_[i].span().end, tokens_[i + 1].span().begin - tokens_[i].span().end);
    while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
    while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
    if (between == "-" || between == "\xE2\x80\x93" || between == "\xE2\x80\x94") {
      end = i + 1;
      return true;
    }
    static constexpr std::array<std::string_view, 5> kJoins = {"and", "through", "till", "to",
                                                               "until"};
    if (!between.empty() || !joined(i) || i + 2 >= tokens_.size() ||
        std::find(kJoins.begin(), kJoins.end(), ascii_lower(word(i + 1))) == kJoins.end() ||
        !joined(i + 1)) {
      return false;
    }
    end = i + 2;
    return true;
  }

  /// The first date of a range whose month and year are written once, at its end ("Monday 12
  /// to Friday 16 January 2027", "Saturday 14 – Sunday 15 March"): a weekday and a day, then
  /// the end, a whole date of a later day. `next` is set to the end's first token.
  std::optional<DateMention> read_range_start(std::size_t i, std::size_t& next) const {
    const std::optional<unsigned> weekday = name_index(word(i), kWeekdays);
    if (!weekday || !joined(i, {true, abbreviated(i, kWeekdays[*weekday])})) return std::nullopt;
    std::size_t at = i + 1;
    if (filler(at, "the")) ++at;
    if (at >= tokens_.size()) return std::nullopt;
    const std::optional<unsigned> day = day_of(word(at));
    std::size_t end = 0;
    if (!day || !range_joins(at, end)) return std::nullopt;
    std::size_t after = end;
    const std::optional<DateMention> last = read_at(end, after);
    if (!last || last->day <= *day) return std::nullopt;
    DateMention date;
    date.weekday = weekday;
    date.weekday_span = tokens_[i].span();
    date.day = *day;
    date.month = last->month;
    date.year = last->year;
    date.span = {tokens_[i].span().begin, tokens_[at].span().end};
    next = end;
    return date;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
};

unsigned days_in(unsigned month, std::optional<int> year) {
  static constexpr std::array<unsigned, 12> kDays = {31, 29, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  if (month == 2 && year) {
    const std::chrono::year y{*year};
    return y.is_leap() ? 29 : 28;
  }
  return kDays[month - 1];
}

unsigned weekday_of(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  return std::chrono::weekday{std::chrono::sys_days{ymd}}.c_encoding();
}

std::string capitalised(std::string_view lower) {
  std::string out(lower);
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

/// `weekday` written as `like` (weekday `written`) is: whole or as three letters, capitalised
/// or in capitals.
std::string weekday_like(unsigned weekday, unsigned written, std::string_view like) {
  std::string name(kWeekdays[weekday]);
  // "Tues" and "Thurs" have no like for the other days: three letters, as "Wed" is.
  if (like.size() < kWeekdays[written].size()) name.resize(3);
  const bool capitals = like.size() > 1 && like[1] >= 'A' && like[1] <= 'Z';
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (i == 0 || capitals) name[i] = static_cast<char>(name[i] - 'a' + 'A');
  }
  return name;
}

std::string date_words(const DateMention& date) {
  return std::to_string(date.day) + ' ' + capitalised(kMonths[date.month - 1]);
}

/// The release's own date, which a date without a year is read against: of the dates written
/// with a year in the document's first three blocks (the dateline, or a line above the
/// headline), the one in a block that opens with a dateline's place ("ASHBY, 20 November 2026"),
/// else the latest ("Fifty years on from 17 December 1976" above it is history). In a longer
/// text (a book, a report) no such date says anything of the others, and dates without a year
/// are not checked (on bench/corpus all 16 such findings were wrong before this was required).
std::optional<DateMention> release_date(const std::vector<std::vector<DateMention>>& dates,
                                        const std::vector<Block>& blocks) {
  constexpr std::size_t kDatelineBlocks = 3;
  std::optional<DateMention> latest;
  for (std::size_t b = 0; b < dates.size() && b < kDatelineBlocks; ++b) {
    for (const DateMention& date : dates[b]) {
      if (!date.year || date.day > days_in(date.month, date.year)) continue;
      if (opens_with_place(blocks[b].text)) return date;
      if (!latest || *date.year > *latest->year) latest = date;
    }
  }
  return latest;
}

}  // namespace

std::unique_ptr<Check> DateCheck::make_weekday(const Settings& /*settings*/) {
  return std::make_unique<DateCheck>(Mode::weekday);
}

std::unique_ptr<Check> DateCheck::make_impossible(const Settings& /*settings*/) {
  return std::make_unique<DateCheck>(Mode::impossible);
}

void DateCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  std::vector<std::vector<DateMention>> dates(doc.doc.blocks.size());
  for (std::size_t b = 0; b < doc.doc.blocks.size(); ++b) {
    const std::string_view text = doc.doc.blocks[b].text;
    const std::vector<Token>& tokens = doc.segments[b].tokens;
    if (mentions_month(text, tokens)) dates[b] = DateReader(text, tokens).read();
  }
  const CheckInfo& info = *find_check(mode_ == Mode::weekday ? kWeekdayId : kImpossibleId);
  const std::optional<DateMention> dated = release_date(dates, doc.doc.blocks);
  for (std::size_t b = 0; b < dates.size(); ++b) {
    const Block& block = doc.doc.blocks[b];
    for (const DateMention& date : dates[b]) {
      const Span source = block.to_source(date.span);
      const bool exists = date.day <= days_in(date.month, date.year);
      if (mode_ == Mode::impossible) {
        if (exists) continue;
        std::string message = date.month == 2 && date.day == 29
                                  ? "There is no 29 February in " + std::to_string(*date.year) +
                                        ": it is no leap year"
                                  : "There is no " + date_words(date) + ": " +
                                        capitalised(kMonths[date.month - 1]) + " has " +
                                        std::to_string(days_in(date.month, date.year)) + " days";
        out.push_back(make_finding(info, source, std::move(message)));
        continue;
      }
      if (!exists || !date.weekday) continue;
      // A date without a year is read in the year of the release's own date, and also in the
      // next year when it falls earlier in the calendar (an event of next spring), or in the
      // year before when it falls later (last December's gala, in a January release).
      std::vector<int> years;
      if (date.year) {
        years.push_back(*date.year);
      } else if (dated) {
        years.push_back(*dated->year);
        const auto day = std::pair(date.month, date.day);
        const auto released = std::pair(dated->month, dated->day);
        if (day < released) years.push_back(*dated->year + 1);
        if (day > released) years.push_back(*dated->year - 1);
        std::sort(years.begin(), years.end());
      }
      if (years.empty() || (date.month == 2 && date.day == 29 && !date.year)) continue;
      std::vector<unsigned> actual;
      for (const int year : years) actual.push_back(weekday_of(year, date.month, date.day));
      if (std::find(actual.begin(), actual.end(), *date.weekday) != actual.end()) continue;
      const std::string written = capitalised(kWeekdays[*date.weekday]);
      const std::string_view text = block.text;
      const std::string_view weekday_text =
          text.substr(date.weekday_span.begin, date.weekday_span.size());
      std::string message = date_words(date);
      std::vector<std::string> suggestions;
      if (years.size() == 1) {
        message += (date.year ? " " + std::to_string(years[0]) + " is a " : " is a ") +
                   capitalised(kWeekdays[actual[0]]) +
                   (date.year ? "" : " in " + std::to_string(years[0])) + ", not a " + written;
        std::string fixed(text.substr(date.span.begin, date.span.size()));
        fixed.replace(date.weekday_span.begin - date.span.begin, weekday_text.size(),
                      weekday_like(actual[0], *date.weekday, weekday_text));
        suggestions.push_back(std::move(fixed));
      } else {
        message += " is a " + capitalised(kWeekdays[actual[0]]) + " in " +
                   std::to_string(years[0]) + " and a " + capitalised(kWeekdays[actual[1]]) +
                   " in " + std::to_string(years[1]) + ", not a " + written;
      }
      out.push_back(make_finding(info, source, std::move(message), std::move(suggestions)));
    }
  }
}

}  // namespace galley
