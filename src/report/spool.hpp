#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>

#include "report/report.hpp"

namespace galley {

/// What a run keeps of finished documents in memory before it spools them: 16 MB, counted by
/// retained_bytes (about what a DocumentReport takes, source bytes and all).
inline constexpr std::size_t kSpoolBudget = std::size_t{16} << 20U;

/// About the memory `doc` holds: its bytes, line index, blocks and findings.
std::size_t retained_bytes(const DocumentReport& doc);

/// Finished documents beyond a memory budget, written to one temporary file that is unlinked as
/// soon as it is made: a batch's memory stops growing with its size, and the file goes with the
/// process however it ends (exit, SIGINT, a crash). Thread-safe.
class DocumentSpool {
 public:
  /// Keeps documents in memory up to `budget` retained bytes (0: spools every checked one).
  explicit DocumentSpool(std::size_t budget = kSpoolBudget);
  ~DocumentSpool();
  DocumentSpool(const DocumentSpool&) = delete;
  DocumentSpool& operator=(const DocumentSpool&) = delete;
  DocumentSpool(DocumentSpool&&) = delete;
  DocumentSpool& operator=(DocumentSpool&&) = delete;

  /// Leaves `doc` in memory while the budget allows, else spools it (store). Unchecked
  /// documents hold a path and a problem only and are never spooled. The last document a run
  /// expects stays in memory whatever the budget (see expect).
  void retain(DocumentReport& doc);
  /// Announces `documents` more calls of retain in this run. The last of them is never spooled:
  /// the report is written next and would read it straight back (a single 16 MB document spent
  /// a tenth of its run storing and loading itself).
  void expect(std::size_t documents);
  /// Writes `doc` to the spool and leaves a stub in its place: format, language, words, status
  /// and the slot, nothing on the heap (a path per stub would pin memory between documents).
  /// Throws LoadError when the spool cannot be written (disk full).
  void store(DocumentReport& doc);
  /// The full report of a spooled document, as it was stored. Throws LoadError when the spool
  /// cannot be read.
  [[nodiscard]] DocumentReport load(const SpoolSlot& slot) const;
  /// Number of documents stored so far (a document stored twice counts twice).
  [[nodiscard]] std::size_t stored() const;

 private:
  std::size_t budget_;
  std::size_t retained_ = 0;  ///< Bytes of the documents left in memory.
  std::size_t expected_ = 0;  ///< Calls of retain announced by expect.
  std::size_t finished_ = 0;  ///< Calls of retain so far.
  std::size_t stored_ = 0;
  int fd_ = -1;            ///< The unlinked file, opened on the first store.
  std::string directory_;  ///< Where it was made, for messages.
  std::uint64_t end_ = 0;  ///< Next free offset.
  mutable std::mutex mutex_;

  /// Opens the file on first use; the caller holds mutex_.
  void open_locked();
};

}  // namespace galley
