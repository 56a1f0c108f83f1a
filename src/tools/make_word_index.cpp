// Saves the symmetric-delete index of a word frequency list for galley to map at start-up
// (making it takes longer than loading a Hunspell dictionary). Run by the build:
//   galley_make_index dictionaries/frequency-en.tsv OUT.idx
#include <cstdio>
#include <string>

#include "checks/word_index.hpp"
#include "core/load_error.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: galley_make_index LIST.tsv OUT.idx\n");
    return 2;
  }
  try {
    // Written beside OUT and renamed, so that an interrupted build leaves no half index.
    const std::string out = argv[2];
    const std::string partial = out + ".partial";
    galley::WordIndex(argv[1]).save(partial);
    if (std::rename(partial.c_str(), out.c_str()) != 0) {
      std::fprintf(stderr, "galley_make_index: cannot rename %s to %s\n", partial.c_str(),
                   out.c_str());
      return 1;
    }
  } catch (const galley::LoadError& error) {
    std::fprintf(stderr, "galley_make_index: %s: %s\n", error.path().c_str(), error.what());
    return 1;
  }
  return 0;
}
