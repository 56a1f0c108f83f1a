// The date checks (docs/checks/date.md) beyond the registry's examples: how a date is read, and
// which year a date without one is read in.
#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace galley {
namespace {

struct DateFound {
  std::string rule;
  std::string text;  // The source bytes of the span.
  std::string message;
  std::vector<std::string> suggestions;
};

std::vector<DateFound> dates_in(const std::string& text) {
  std::vector<DateFound> out;
  for (const Finding& f : test::check_document(test::read(text, InputFormat::text))) {
    if (!f.rule.starts_with("date.")) continue;
    out.push_back({f.rule, text.substr(f.span.begin, f.span.size()), f.message, f.suggestions});
  }
  return out;
}

}  // namespace

TEST_CASE("dates: the written forms of a date are read whole", "[date]") {
  // 14 January 2027 is a Thursday.
  for (const std::string date :
       {"Wednesday 14 January 2027", "Wednesday, 14 January, 2027", "Wed 14 Jan 2027",
        "Wednesday the 14th of January 2027", "Wednesday, January 14th, 2027",
        "Wed., Jan. 14, 2027", "Wednesday\xC2\xA0"
        "14\xC2\xA0January 2027"}) {
    INFO(date);
    const std::vector<DateFound> found = dates_in("The hall opens on " + date + " at noon.\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "date.weekday-mismatch");
    CHECK(found[0].text == date);
    CHECK(found[0].message == "14 January 2027 is a Thursday, not a Wednesday");
  }
  CHECK(dates_in("The hall opens on Thurs. 14 Jan. 2027 and on Tues 12 January 2027.\n").empty());
  // Names are read capitalised only: a date opens with a capital or a digit, and the reader
  // tries no other token (may_open_date). Should lower-case names count one day, this fails.
  CHECK(dates_in("The hall opens on wednesday 14 january 2027 at noon.\n").empty());
  CHECK(dates_in("The hall opens on wednesday 14 January 2027 at noon.\n").empty());
  CHECK(dates_in("The hall opens on 31 april 2027 at noon.\n").empty());
  // "Tues" becomes "Wed" when it is wrong: an abbreviation stays one, in three letters.
  const std::vector<DateFound> tues = dates_in("It opens on Tues 13 January 2027.\n");
  REQUIRE(tues.size() == 1);
  CHECK(tues[0].suggestions == std::vector<std::string>{"Wed 13 January 2027"});
  // Words between are no date: a weekday, then other words, then a date.
  CHECK(dates_in("On Wednesday we met; 14 January 2027 was the deadline.\n").empty());
  // Nor a comma or a full stop where a date has none.
  CHECK(dates_in("In April, 31 schools joined. By June, 31 staff left. Sales rose to 31. April "
                 "trading was slow, and to 31, April figures show.\n")
            .empty());
  CHECK(dates_in("The shop closes on Monday. 14 January 2027 is the deadline.\n").empty());
  // A number after a comma with a word after it is no year: "2000 runners".
  CHECK(dates_in("On Tuesday, March 3, 2000 runners set off.\n").empty());
  // A range writes its month and year once, at its end: 12 January 2027 is a Tuesday.
  for (const std::string range :
       {"Monday 12 to Saturday 16 January 2027", "Monday 12 \xE2\x80\x93 Saturday 16 January 2027",
        "Monday 12-Sat 16 January 2027",
        "Monday the 12th until Saturday the 16th of January 2027"}) {
    INFO(range);
    const std::vector<DateFound> found = dates_in("The fair runs from " + range + ".\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "12 January 2027 is a Tuesday, not a Monday");
    CHECK(found[0].text ==
          range.substr(0, range.find("12") + (range.find("12th") == std::string::npos ? 2 : 4)));
  }
  CHECK(dates_in("The fair runs from Tuesday 12 to Saturday 16 January 2027.\n").empty());
  // The end's day must come later: "Friday 30 to Monday 1 February" is no range of one
  // month, and no 30 February either.
  CHECK(dates_in("It runs from Friday 30 to Monday 1 February 2027.\n").empty());
  // A line break of wrapped text is a space.
  const std::vector<DateFound> wrapped = dates_in("It opens on Wednesday\n14 January 2027.\n");
  REQUIRE(wrapped.size() == 1);
  CHECK(wrapped[0].message == "14 January 2027 is a Thursday, not a Wednesday");
}

TEST_CASE("dates: a date without a year is read against the release's own date", "[date]") {
  // Released on 24 November 2026: 14 March is in 2026 (a Saturday) or 2027 (a Sunday); 12
  // December in 2026 (a Saturday) or, past, in 2025 (a Friday).
  const std::string dateline = "ASHBY, 24 November 2026 - The council announced a festival.\n\n";
  CHECK(dates_in(dateline + "It opens on Sunday 14 March and closes on Saturday 12 December.\n")
            .empty());
  const std::vector<DateFound> found =
      dates_in(dateline + "It opens on Friday 14 March and closes on Sunday 12 December.\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].message == "14 March is a Saturday in 2026 and a Sunday in 2027, not a Friday");
  CHECK(found[0].suggestions.empty());
  CHECK(found[1].message == "12 December is a Friday in 2025 and a Saturday in 2026, not a Sunday");
  CHECK(found[1].suggestions.empty());
  // Last December's gala, in a January release.
  CHECK(
      dates_in("ASHBY, 10 January 2027 - The gala on Friday 11 December raised money.\n").empty());
  // A date of history above the dateline is no release date.
  CHECK(dates_in("Fifty years on from 17 December 1976\n\nASHBY, 20 November 2026 - A fair opens "
                 "on Thursday 14 May.\n")
            .empty());
  CHECK(dates_in("Fifty years on from 17 December 1976\n\nThe fair opens on Thursday 14 May.\n\n"
                 "Issued 20 November 2026.\n")
            .empty());
  // A dated mention past the first three blocks is no release date: nothing to read against.
  CHECK(dates_in("A festival.\n\nIt is new.\n\nIt is big.\n\nFounded on 24 November 2026.\n\n"
                 "It opens on Friday 14 March.\n")
            .empty());
  // Nor is 29 February without a year checked: some year has it.
  CHECK(dates_in(dateline + "It opens on Monday 29 February.\n").empty());
}

TEST_CASE("dates: a day past its month's end is no date", "[date]") {
  const std::vector<DateFound> found =
      dates_in("Entries close on 31 June, or on 29 February 2027, or on 30 Feb.\n");
  REQUIRE(found.size() == 3);
  CHECK(found[0].message == "There is no 31 June: June has 30 days");
  CHECK(found[1].message == "There is no 29 February in 2027: it is no leap year");
  CHECK(found[2].text == "30 Feb");
  CHECK(dates_in("Entries close on 30 June, on 29 February 2028 and on 29 February.\n").empty());
}

}  // namespace galley
