#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "checks/check.hpp"
#include "core/min_hash.hpp"

namespace galley {

/// Check `duplicate.cross-document`: the same caption or paragraph in two documents of one run,
/// found with MinHash signatures and LSH banding (never all pairs); see docs/checks/duplicate.md.
/// Keeps a fingerprint per block, not its text.
class DuplicateCrossDocumentCheck final : public BatchCheck {
 public:
  static constexpr std::size_t kHashes = min_hash::kHashes;  ///< MinHash values per block.

  /// What is kept of one block: where it is and its signature.
  struct Fingerprint {
    std::uint32_t doc = 0;                         ///< Document index.
    std::uint32_t line = 0;                        ///< 1-based line where the block starts.
    Span span;                                     ///< The block's bytes in its document.
    bool caption = false;                          ///< The block is a caption.
    std::uint32_t words = 0;                       ///< Normalised words in the block.
    std::uint64_t exact = 0;                       ///< Hash of all its normalised words.
    std::array<std::uint32_t, kHashes> minhash{};  ///< MinHash of its word 3-shingles.
  };

  /// The registry's factory.
  static std::unique_ptr<BatchCheck> make(const Settings& settings);
  void collect(std::size_t index, const AnalyzedDocument& doc) override;
  void finish(const std::function<void(std::size_t, Finding)>& emit) override;

  /// Fingerprints of the blocks of `doc` that take part (exported for the benchmark).
  static std::vector<Fingerprint> fingerprints(std::size_t index, const AnalyzedDocument& doc);

 private:
  std::mutex mutex_;                                 ///< Guards documents_ and paths_.
  std::vector<std::vector<Fingerprint>> documents_;  ///< By document index.
  std::vector<std::string> paths_;                   ///< By document index.
};

}  // namespace galley
