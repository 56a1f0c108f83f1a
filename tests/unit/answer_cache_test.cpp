#include "core/answer_cache.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace galley {

TEST_CASE("answer cache: answers found again, short keys and long, through growth", "[core]") {
  AnswerCache cache(100000);
  const auto key = [](std::size_t i) {
    // Every third key is longer than fits in a slot.
    return (i % 3 == 0 ? std::string(30, 'x') : std::string()) + "word" + std::to_string(i);
  };
  for (std::size_t i = 0; i < 5000; ++i) cache.insert(key(i), i % 2 == 0);
  CHECK(cache.size() == 5000);
  for (std::size_t i = 0; i < 5000; ++i) {
    INFO(key(i));
    REQUIRE(cache.find(key(i)) == std::optional<bool>(i % 2 == 0));
  }
  CHECK_FALSE(cache.find("word5000").has_value());
  CHECK_FALSE(cache.find("").has_value());
  CHECK_FALSE(cache.find(std::string(30, 'x') + "word1").has_value());  // Long, not cached.
  cache.insert(std::string_view(), true);                               // A null data() pointer.
  CHECK(cache.find("") == std::optional<bool>(true));
  CHECK(cache.find(std::string_view()) == std::optional<bool>(true));
  // A key of exactly the inline length, and one byte over.
  cache.insert(std::string(22, 'a'), false);
  cache.insert(std::string(23, 'a'), true);
  CHECK(cache.find(std::string(22, 'a')) == std::optional<bool>(false));
  CHECK(cache.find(std::string(23, 'a')) == std::optional<bool>(true));
}

TEST_CASE("answer cache: starts again empty when full", "[core]") {
  AnswerCache cache(10);
  for (int i = 0; i < 10; ++i) cache.insert("k" + std::to_string(i), true);
  CHECK(cache.size() == 10);
  CHECK(cache.find("k9") == std::optional<bool>(true));
  cache.insert("k10", false);
  CHECK(cache.size() == 1);
  CHECK_FALSE(cache.find("k9").has_value());
  CHECK(cache.find("k10") == std::optional<bool>(false));
}

}  // namespace galley
