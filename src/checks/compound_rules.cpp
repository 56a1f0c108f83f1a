// Whether a Hunspell dictionary's COMPOUNDRULE patterns can matter for words without digits,
// read from its .aff and .dic text. See checks/compound_rules.hpp and Speller's loading.
#include "checks/compound_rules.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace galley {
namespace {

/// The lines of `text`, without their line ends.
template <typename Visit>
void each_line(std::string_view text, Visit visit) {
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    visit(line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
}

/// The first white-space-separated field of `line`, and the second.
std::pair<std::string_view, std::string_view> fields(std::string_view line) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  const auto word_at = [&](std::size_t from) {
    while (from < line.size() && is_space(line[from])) ++from;
    std::size_t to = from;
    while (to < line.size() && !is_space(line[to])) ++to;
    return std::pair{from, to};
  };
  const auto [a, a_end] = word_at(0);
  const auto [b, b_end] = word_at(a_end);
  return {line.substr(a, a_end - a), line.substr(b, b_end - b)};
}

constexpr std::array<std::string_view, 7> kUnsafe{
    "FLAG", "AF", "COMPOUNDFLAG", "COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND", "COMPOUNDLAST"};

/// The continuation flags an affix rule line ("SFX A 0 ing/B .") gives the words it makes.
std::string_view continuation_flags(std::string_view line) {
  const auto [directive, flag] = fields(line);
  if (directive != "SFX" && directive != "PFX") return {};
  std::string_view rest =
      line.substr(static_cast<std::size_t>(flag.data() - line.data()) + flag.size());
  const std::string_view strip = fields(rest).first;
  rest = rest.substr(static_cast<std::size_t>(strip.data() - rest.data()) + strip.size());
  const std::string_view add = fields(rest).first;
  const std::size_t slash = add.find('/');
  return slash == std::string_view::npos ? std::string_view() : add.substr(slash + 1);
}

/// True when a line of the .aff can make a digit out of what is not one, or offer one as a
/// suggestion: IGNORE with a digit drops digits from the dictionary's words (a rule entry "1a"
/// stored as "a"), ICONV or OCONV can turn a character into one, and TRY, KEY, REP, MAP and
/// PHONE can put one into a suggestion. The count lines of the tables are passed over.
bool puts_digits_in_words(std::string_view directive, std::string_view line) {
  static constexpr std::array<std::string_view, 8> kTables{"IGNORE", "ICONV", "OCONV", "TRY",
                                                           "KEY",    "REP",   "MAP",   "PHONE"};
  if (std::find(kTables.begin(), kTables.end(), directive) == kTables.end()) return false;
  const std::string_view rest =
      line.substr(static_cast<std::size_t>(directive.data() - line.data()) + directive.size());
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto [first, second] = fields(rest);
  const bool count_line = second.empty() && !first.empty() &&
                          std::all_of(first.begin(), first.end(), is_digit) &&
                          directive != "IGNORE" && directive != "TRY" && directive != "KEY";
  return !count_line && std::any_of(rest.begin(), rest.end(), is_digit);
}

}  // namespace

std::optional<std::string> compound_rule_flags(std::string_view aff) {
  std::string flags;
  std::string continuations;  // Flags affix rules give the words they make.
  bool unsafe = false;
  std::optional<std::size_t> rules_left;  // Patterns the COMPOUNDRULE count line announced.
  each_line(aff, [&](std::string_view line) {
    const auto [directive, argument] = fields(line);
    if (std::find(kUnsafe.begin(), kUnsafe.end(), directive) != kUnsafe.end()) unsafe = true;
    if (puts_digits_in_words(directive, line)) unsafe = true;
    continuations += continuation_flags(line);
    // Hunspell reads the patterns from the lines right after the count; should they not be
    // there, it stops reading the .aff, and the file without them would read on.
    if (rules_left && *rules_left > 0 && directive != "COMPOUNDRULE") unsafe = true;
    if (directive != "COMPOUNDRULE") return;
    if (!rules_left) {
      const bool number =
          !argument.empty() && std::all_of(argument.begin(), argument.end(),
                                           [](char c) { return c >= '0' && c <= '9'; });
      if (!number || argument.size() > 4) unsafe = true;
      rules_left = number && argument.size() <= 4 ? std::stoul(std::string(argument)) : 0;
      return;
    }
    if (*rules_left == 0) unsafe = true;  // More patterns than announced.
    if (*rules_left > 0) --*rules_left;
    for (const char c : argument) {
      if (c == '(' || c == ')') unsafe = true;  // Multi-character flags in parentheses.
      if (c != '*' && c != '?' && flags.find(c) == std::string::npos) flags += c;
    }
  });
  if (rules_left && *rules_left > 0) unsafe = true;  // Fewer patterns than announced.
  // An affix rule that gives a rule's flag to the words it makes could give it to words of
  // letters, which the .dic entries do not show.
  if (unsafe || continuations.find_first_of(flags) != std::string::npos) return std::nullopt;
  return flags;
}

bool rule_entries_start_with_digits(std::string_view dic, std::string_view flags) {
  // Each of a dictionary's entries (79,000 lines in en_US) is read once per load: the search
  // goes from one '/' to the next, and reads an entry only where it has one.
  std::array<bool, 256> is_rule_flag{};
  for (const char c : flags) is_rule_flag[static_cast<unsigned char>(c)] = true;
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t at = std::min(dic.find('\n'), dic.size());  // The first line is the count.
  while (true) {
    const std::size_t slash = dic.find('/', at);
    if (slash == std::string_view::npos) return true;
    const std::size_t begin = dic.rfind('\n', slash) + 1;  // At or after `at`, a line end.
    at = slash + 1;
    // "word/flags", then optional fields after white space; a '/' in a word is written "\/".
    const std::string_view word = dic.substr(begin, slash - begin);
    if (word.ends_with('\\') || std::any_of(word.begin(), word.end(), is_space)) continue;
    while (at < dic.size() && !is_space(dic[at])) {
      if (is_rule_flag[static_cast<unsigned char>(dic[at])] &&
          (word.empty() || word[0] < '0' || word[0] > '9')) {
        return false;
      }
      ++at;
    }
  }
}

std::vector<AffLine> aff_lines(std::string_view aff) {
  std::vector<AffLine> lines;
  each_line(aff, [&](std::string_view line) {
    AffLine split;
    // The next field of what is left of the line, which is then left after it.
    const auto next = [&line] {
      const std::string_view field = fields(line).first;
      line.remove_prefix(static_cast<std::size_t>(field.data() - line.data()) + field.size());
      return field;
    };
    split.directive = next();
    for (std::string_view field = next(); !field.empty() && split.count < split.fields.size();
         field = next()) {
      split.fields[split.count++] = field;
    }
    lines.push_back(split);
  });
  return lines;
}

std::string without_compound_rules(std::string_view aff) {
  std::string out;
  out.reserve(aff.size());
  while (!aff.empty()) {
    const std::size_t end = std::min(aff.find('\n'), aff.size());
    const std::string_view line = aff.substr(0, std::min(end + 1, aff.size()));
    if (fields(line).first != "COMPOUNDRULE") out += line;
    aff.remove_prefix(line.size());
  }
  return out;
}

bool has_ascii_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace galley
