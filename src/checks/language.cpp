// British and American spellings, as a table of word pairs generated from a few families
// (-ise/-ize, -our/-or, -re/-er, -lled/-led) and a list of single pairs. Only unambiguous
// spellings count as evidence: "program" is British too (software), so only "programme" counts.
#include "checks/language.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <memory>
#include <set>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/string_hash.hpp"
#include "input/text_heuristics.hpp"

namespace galley {

/// A word of the variety table: the other variety's spelling, and its own variety.
struct VarietyEntry {
  std::string counterpart;
  Variety variety;
};

namespace {

using Entry = VarietyEntry;
using Table = StringMap<Entry>;

// Outside these lengths no word is in the table: it is not looked up (most words of a text are
// shorter), and the longest needs no more than a small buffer.
constexpr std::size_t kShortest = 4;
constexpr std::size_t kLongest = 32;

void add_pair(Table& table, const std::string& british, const std::string& american,
              bool american_is_evidence = true, bool british_is_evidence = true) {
  if (british_is_evidence) table.try_emplace(british, Entry{american, Variety::british});
  if (american_is_evidence) table.try_emplace(american, Entry{british, Variety::american});
}

void add_family(Table& table, std::string_view stems, std::string_view british_end,
                std::string_view american_end, std::initializer_list<std::string_view> suffixes) {
  while (!stems.empty()) {
    const std::size_t space = stems.find(' ');
    const std::string stem(stems.substr(0, space));
    stems.remove_prefix(space == std::string_view::npos ? stems.size() : space + 1);
    if (stem.empty()) continue;
    for (const std::string_view suffix : suffixes) {
      add_pair(table, stem + std::string(british_end) + std::string(suffix),
               stem + std::string(american_end) + std::string(suffix));
    }
  }
}

constexpr std::string_view kIseStems =
    "organ recogn real priorit emphas apolog author capital categor character critic custom "
    "digit final harmon maxim minim mobil modern monet normal optim special standard summar "
    "util visual local central decentral incentiv energ galvan legal memor public stabil "
    "sympath hospital industrial subsid revolution jeopard global privat national neutral "
    "penal popular rational familiar synthes hypothes scrutin symbol theor immun sanit "
    "fertil colon union urban sensit democrat personal contextual operational strateg "
    "evangel agon antagon patron terror mesmer commercial computer dramat equal formal "
    "human ideal initial institution internal legitim liberal monopol motor "
    "pressur random regular reorgan revital steril tantal trivial "
    "vandal victim weapon western civil anod";
constexpr std::string_view kOurStems =
    "col fav hon lab neighb behavi harb hum rum vap flav endeav sav val vig arm od parl savi "
    "splend tum cand clam rig ard";
constexpr std::string_view kReStems =
    "cent theat fib lit kilomet centimet millimet calib somb spect lust";
constexpr std::string_view kLlStems =
    "trave cance mode labe fue signa counse leve tota channe marsha jewe dia quarre tunne peda "
    "riva refue";

constexpr std::array<std::pair<std::string_view, std::string_view>, 50> kPairs{{
    {"centred", "centered"},
    {"centring", "centering"},
    {"favourites", "favorites"},
    {"theatregoers", "theatergoers"},
    {"fibreglass", "fiberglass"},
    {"catalysed", "catalyzed"},
    {"aluminium", "aluminum"},
    {"grey", "gray"},
    {"greys", "grays"},
    {"jewellery", "jewelry"},
    {"catalogue", "catalog"},
    {"catalogues", "catalogs"},
    {"analogue", "analog"},
    {"defence", "defense"},
    {"defences", "defenses"},
    {"offence", "offense"},
    {"offences", "offenses"},
    {"pretence", "pretense"},
    {"enrol", "enroll"},
    {"enrolment", "enrollment"},
    {"enrolments", "enrollments"},
    {"fulfil", "fulfill"},
    {"fulfilment", "fulfillment"},
    {"skilful", "skillful"},
    {"instalment", "installment"},
    {"instalments", "installments"},
    {"ageing", "aging"},
    {"acknowledgement", "acknowledgment"},
    {"paediatric", "pediatric"},
    {"anaesthetic", "anesthetic"},
    {"orthopaedic", "orthopedic"},
    {"encyclopaedia", "encyclopedia"},
    {"mould", "mold"},
    {"plough", "plow"},
    {"sceptical", "skeptical"},
    {"sceptic", "skeptic"},
    {"cosy", "cozy"},
    {"pyjamas", "pajamas"},
    {"analyse", "analyze"},
    {"analysed", "analyzed"},
    {"analysing", "analyzing"},
    {"paralyse", "paralyze"},
    {"oestrogen", "estrogen"},
    {"manoeuvre", "maneuver"},
    {"favourite", "favorite"},
    {"practised", "practiced"},
    {"practising", "practicing"},
    {"behove", "behoove"},
    {"behoves", "behooves"},
    {"behoved", "behooved"},
}};

// British spellings whose American counterpart is also British English in some sense.
constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kBritishOnly{{
    {"programme", "program"},
    {"programmes", "programs"},
    {"licence", "license"},
    {"licences", "licenses"},
    {"tyre", "tire"},
    {"tyres", "tires"},
    {"amongst", "among"},
    {"whilst", "while"},
    {"learnt", "learned"},
    {"spelt", "spelled"},
    {"enquiry", "inquiry"},
    {"enquiries", "inquiries"},
    {"judgement", "judgment"},
    {"judgements", "judgments"},
    {"cheque", "check"},
    {"colour", "color"},
    // The noun is "practice" in both, the verb "practise" in British English only.
    {"practise", "practice"},
    {"practises", "practices"},
    // Both spell "inquire"; only British English "enquire" too.
    {"enquire", "inquire"},
    {"enquired", "inquired"},
    {"enquires", "inquires"},
    {"enquiring", "inquiring"},
    // British chemists write "sulfur" too (IUPAC).
    {"sulphur", "sulfur"},
    // "curb" is the British verb as well.
    {"kerb", "curb"},
    {"kerbs", "curbs"},
}};

Table build_table() {
  Table table;
  add_family(table, kIseStems, "is", "iz",
             {"e", "es", "ed", "ing", "ation", "ations", "er", "ers"});
  add_family(table, kOurStems, "our", "or",
             {"", "s", "ed", "ing", "ful", "able", "ably", "al", "er", "ers", "less", "hood",
              "hoods", "ly"});
  add_family(table, kReStems, "re", "er", {"", "s"});
  add_family(table, kLlStems, "ll", "l", {"ed", "ing", "er", "ers"});
  for (const auto& [british, american] : kPairs)
    add_pair(table, std::string(british), std::string(american));
  for (const auto& [british, american] : kBritishOnly) {
    add_pair(table, std::string(british), std::string(american), false);
  }
  // "analyses" is also the plural of "analysis" in both; only "analyzes" tells.
  add_pair(table, "analyses", "analyzes", true, false);
  assert(std::all_of(table.begin(), table.end(), [](const auto& entry) {
    return entry.first.size() >= kShortest && entry.first.size() <= kLongest;
  }));
  return table;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// True when `word` starts with a capital and goes on in lowercase ("Labor", not "LABOR").
bool is_capitalised(std::string_view word) {
  return word.size() > 1 && is_upper(word[0]) && !is_upper(word[1]);
}

/// The variety table, and a filter of 2^16 bits (8 KB) set by its words. Nearly every word of a
/// text is in no variety pair, and the filter, small enough to stay in the cache, turns them
/// away before the table, whose lookups missed the cache: its ~2,600 words set about 4% of the
/// bits, and 95.0% of big.txt's words of four letters or more were turned away.
class VarietyTable {
 public:
  VarietyTable() : entries_(build_table()), filter_(kFilterBits / 64, 0) {
    for (const auto& [word, entry] : entries_) {
      const std::uint32_t bit = filter_bit(word);
      filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }

  /// The entry of lowercase `lower`, or null.
  [[nodiscard]] const Entry* find(std::string_view lower) const {
    const auto it = entries_.find(lower);
    return it == entries_.end() ? nullptr : &it->second;
  }

  /// False when no word of the table is `word` in some letter case; true for nearly none else.
  [[nodiscard]] bool may_hold(std::string_view word) const {
    const std::uint32_t bit = filter_bit(word);
    return (filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) != 0;
  }

 private:
  static constexpr unsigned kFilterBitsLog = 16;
  static constexpr std::uint32_t kFilterBits = std::uint32_t{1} << kFilterBitsLog;

  /// The filter bit of `word`, the same in any letter case: the top bits of its word_hash with
  /// bit 0x20 set in every byte, which lower-cases ASCII letters and leaves the table's other
  /// characters (digits, hyphens, apostrophes) as they are.
  static std::uint32_t filter_bit(std::string_view word) {
    constexpr std::uint64_t kCaseBits = 0x2020202020202020ULL;
    return static_cast<std::uint32_t>(word_hash(word, kCaseBits) >> (64U - kFilterBitsLog));
  }
  Table entries_;
  std::vector<std::uint64_t> filter_;
};

const VarietyTable& table() {
  static const VarietyTable kTable;
  return kTable;
}

/// `word` spelt in the case pattern of `model` (lowercase, Capitalised or ALL CAPS).
std::string with_case_of(std::string word, std::string_view model) {
  if (model.empty() || !is_upper(model[0])) return word;
  const bool all_caps = model.size() > 1 && is_upper(model[1]);
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((i == 0 || all_caps) && word[i] >= 'a' && word[i] <= 'z') {
      word[i] = static_cast<char>(word[i] - 'a' + 'A');
    }
  }
  return word;
}

}  // namespace

namespace {

/// The table's entry for `word` in any letter case, or null. Asked for every word of a
/// document: nearly all are turned away by the filter; the rest are lower-cased on the stack
/// and looked up without a copy.
const Entry* entry_of(const VarietyTable& table, std::string_view word) {
  if (word.size() < kShortest || word.size() > kLongest || !table.may_hold(word)) return nullptr;
  std::array<char, kLongest> buffer;
  std::transform(word.begin(), word.end(), buffer.begin(), [](char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return table.find(std::string_view(buffer.data(), word.size()));
}

}  // namespace

std::pair<std::string, Variety> variety_counterpart(std::string_view word) {
  const Entry* entry = entry_of(table(), word);
  if (entry == nullptr) return {std::string(), Variety::american};
  return {with_case_of(entry->counterpart, word), entry->variety};
}

VarietyWords find_variety_words(const AnalyzedDocument& doc, std::size_t from, std::size_t to,
                                const StringIndex& texts, VarietyEntries& entries) {
  // Each distinct text is looked up once, not each token (a long document repeats its words);
  // texts numbered since the last call are looked up now.
  const VarietyTable& variety_table = table();
  for (auto id = static_cast<std::uint32_t>(entries.size()); id < texts.size(); ++id) {
    entries.push_back(entry_of(variety_table, texts.text(id)));
  }
  VarietyWords out;
  for (std::size_t b = from; b < to && b < doc.doc.blocks.size() && b < doc.segments.size(); ++b) {
    const std::string_view text = doc.doc.blocks[b].text;
    // A heading in sentence case ("Ana Ruiz, a former Labour councillor, joins ...") capitalises
    // names only, as a sentence does.
    const bool heading =
        doc.doc.blocks[b].kind == BlockKind::heading && !sentence_cased(doc.doc.blocks[b].text);
    const std::vector<Token>& tokens = doc.segments[b].tokens;
    const std::span<const std::uint32_t> forms = doc.forms.of_block(b);
    std::vector<bool> starts;  // Made at the block's first capitalised variety word.
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      const Entry* entry = entries[forms[t]];
      if (entry == nullptr || tokens[t].kind() != TokenKind::word) continue;
      const std::string_view word = text.substr(tokens[t].span().begin, tokens[t].span().size());
      const bool capitalised = is_capitalised(word);
      if (capitalised && !heading) {
        if (starts.empty()) starts = sentence_starts(doc.segments[b]);
        if (!starts[t]) {
          out.names.insert(word);
          continue;
        }
      }
      out.forms.push_back(
          {b, tokens[t].span(), entry->variety, with_case_of(entry->counterpart, word)});
      out.heading_capitals.push_back(capitalised && heading ? word : std::string_view());
    }
  }
  return out;
}

// A name keeps its own spelling ("the Department of Labor" in a British text, "the Labour
// Party" in an American one): a word capitalised inside a sentence is taken for part of one.
// A heading's words are capitalised by style, so they count, unless the same word is capitalised
// inside a sentence too ("Porthaven Harbour Authority" in a headline and the text), anywhere in
// the document: in any part.
std::vector<VarietyForm> join_variety_words(std::vector<VarietyWords>& parts) {
  std::set<std::string_view> names;
  for (const VarietyWords& part : parts) names.insert(part.names.begin(), part.names.end());
  std::vector<VarietyForm> out;
  for (VarietyWords& part : parts) {
    for (std::size_t i = 0; i < part.forms.size(); ++i) {
      if (!part.heading_capitals[i].empty() && names.contains(part.heading_capitals[i])) continue;
      out.push_back(std::move(part.forms[i]));
    }
  }
  return out;
}

std::vector<VarietyForm> find_variety_forms(const AnalyzedDocument& doc, std::size_t from,
                                            std::size_t to, const StringIndex& texts) {
  VarietyEntries entries;
  std::vector<VarietyWords> whole;
  whole.push_back(find_variety_words(doc, from, to, texts, entries));
  return join_variety_words(whole);
}

const std::vector<VarietyForm>& variety_forms(const AnalyzedDocument& doc) {
  if (doc.varieties) return *doc.varieties;
  doc.varieties = std::make_shared<const std::vector<VarietyForm>>(
      find_variety_forms(doc, 0, doc.doc.blocks.size(), doc.forms.texts));
  return *doc.varieties;
}

std::string_view language_of(Variety variety) {
  return variety == Variety::british ? "en-GB" : "en-US";
}

bool language_from_document(std::string_view requested) {
  return requested == "auto" || requested.empty();
}

std::string decide_language(const AnalyzedDocument& doc, std::string_view requested) {
  if (!language_from_document(requested)) return std::string(requested);
  std::size_t british = 0;
  std::size_t american = 0;
  for (const VarietyForm& form : variety_forms(doc)) {
    ++(form.variety == Variety::british ? british : american);
  }
  return std::string(language_of(british > american ? Variety::british : Variety::american));
}

}  // namespace galley
