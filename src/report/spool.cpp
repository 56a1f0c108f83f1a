// The spool of finished documents: a compact binary copy of each DocumentReport (lengths and
// bytes, little more than memcpy either way), so that a batch of 100,000 releases holds one
// budget's worth of documents plus a stub per document, and writers reload them one at a time.
#include "report/spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/load_error.hpp"

namespace galley {
namespace {

/// Appends fixed-size integers and length-prefixed strings to a buffer.
class Writer {
 public:
  void number(std::uint64_t value) { out_.append(reinterpret_cast<const char*>(&value), 8); }
  void text(std::string_view value) {
    number(value.size());
    out_.append(value);
  }
  void span(Span value) {
    number(value.begin);
    number(value.end);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

/// Reads what Writer wrote; running past the end means a damaged spool.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t value = 0;
    std::memcpy(&value, take(8).data(), 8);
    return value;
  }
  std::size_t size() { return static_cast<std::size_t>(number()); }
  std::string text() { return std::string(take(size())); }
  Span span() {
    const std::size_t begin = size();
    return {begin, size()};
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::string_view take(std::size_t n) {
    if (n > in_.size() - pos_) throw LoadError("", "the spool of checked documents is damaged");
    const std::string_view out = in_.substr(pos_, n);
    pos_ += n;
    return out;
  }
};

void write_finding(Writer& out, const Finding& finding) {
  out.text(finding.rule);
  out.number(static_cast<std::uint64_t>(finding.severity));
  out.text(finding.message);
  out.span(finding.span);
  out.number(finding.suggestions.size());
  for (const std::string& suggestion : finding.suggestions) out.text(suggestion);
  out.number(finding.related.size());
  for (const RelatedSpan& related : finding.related) {
    out.span(related.span);
    out.text(related.note);
  }
  out.span(finding.context);
}

Finding read_finding(Reader& in) {
  Finding finding;
  finding.rule = in.text();
  finding.severity = static_cast<Severity>(in.number());
  finding.message = in.text();
  finding.span = in.span();
  finding.suggestions.resize(in.size());
  for (std::string& suggestion : finding.suggestions) suggestion = in.text();
  finding.related.resize(in.size());
  for (RelatedSpan& related : finding.related) {
    related.span = in.span();
    related.note = in.text();
  }
  finding.context = in.span();
  return finding;
}

std::string serialize(const DocumentReport& doc) {
  Writer out;
  out.text(doc.path);
  out.text(doc.format);
  out.text(doc.language);
  out.number(doc.word_count);
  out.number(static_cast<std::uint64_t>(doc.status));
  out.text(doc.problem);
  out.text(doc.source.path());
  out.text(doc.source.bytes());
  out.number(doc.blocks.size());
  for (const BlockRecord& block : doc.blocks) {
    out.number(static_cast<std::uint64_t>(block.kind));
    out.span(block.span);
  }
  out.number(doc.findings.size());
  for (const Finding& finding : doc.findings) write_finding(out, finding);
  return std::move(out.bytes());
}

DocumentReport deserialize(std::string_view bytes) {
  Reader in(bytes);
  DocumentReport doc;
  doc.path = in.text();
  doc.format = in.text();
  doc.language = in.text();
  doc.word_count = in.size();
  doc.status = static_cast<DocumentStatus>(in.number());
  doc.problem = in.text();
  std::string source_path = in.text();
  doc.source = SourceText(std::move(source_path), in.text());  // The line index is rebuilt.
  doc.blocks.resize(in.size());
  for (BlockRecord& block : doc.blocks) {
    block.kind = static_cast<BlockKind>(in.number());
    block.span = in.span();
  }
  doc.findings.resize(in.size());
  for (Finding& finding : doc.findings) finding = read_finding(in);
  return doc;
}

std::string system_error() { return std::strerror(errno); }

}  // namespace

std::size_t retained_bytes(const DocumentReport& doc) {
  constexpr std::size_t kPerFinding = 256;  // The struct, its rule id, message and suggestion.
  return sizeof(DocumentReport) + doc.source.bytes().size() +
         doc.source.line_count() * sizeof(std::size_t) + doc.blocks.size() * sizeof(BlockRecord) +
         doc.findings.size() * kPerFinding;
}

DocumentSpool::DocumentSpool(std::size_t budget) : budget_(budget) {}

DocumentSpool::~DocumentSpool() {
  if (fd_ >= 0) ::close(fd_);
}

void DocumentSpool::retain(DocumentReport& doc) {
  const bool checked = doc.status == DocumentStatus::checked;
  const std::size_t cost = checked ? retained_bytes(doc) : 0;
  {
    const std::lock_guard lock(mutex_);
    ++finished_;
    if (!checked) return;
    if (retained_ + cost <= budget_ || finished_ == expected_) {
      retained_ += cost;
      return;
    }
  }
  store(doc);
}

void DocumentSpool::expect(std::size_t documents) {
  const std::lock_guard lock(mutex_);
  expected_ += documents;
}

// The file is unlinked at once: nothing to delete on exit, on a signal or after a crash.
void DocumentSpool::open_locked() {
  const char* tmpdir = std::getenv("TMPDIR");
  directory_ = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
  std::string name = directory_ + "/galley-spool-XXXXXX";
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) {
    throw LoadError(directory_, "cannot make the spool of checked documents here (" +
                                    system_error() + "); set TMPDIR to a writable directory");
  }
  ::unlink(name.c_str());
}

void DocumentSpool::store(DocumentReport& doc) {
  const std::string bytes = serialize(doc);
  std::uint64_t offset = 0;
  {
    const std::lock_guard lock(mutex_);
    if (fd_ < 0) open_locked();
    offset = end_;
    end_ += bytes.size();
    ++stored_;
  }
  // Each store has its own range of the file, so workers write without holding the lock.
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote =
        ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      throw LoadError(directory_, "writing checked documents to the spool failed (disk full?): " +
                                      system_error());
    }
    done += static_cast<std::size_t>(wrote);
  }
  SpoolSlot slot{offset, bytes.size(), {}};
  const std::array<std::size_t, 3> counts = severity_counts(doc);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    slot.by_severity[i] = static_cast<std::uint32_t>(counts[i]);
  }
  // Moved out, not assigned over: libstdc++ keeps a string's buffer when a short string is
  // assigned to it, and the stub would hold the source bytes' memory all the same.
  {
    const std::string path = std::move(doc.path);  // A stub holds no memory of its own.
    const SourceText source = std::move(doc.source);
    const std::vector<BlockRecord> blocks = std::move(doc.blocks);
    const std::vector<Finding> findings = std::move(doc.findings);
  }
  doc.spooled = slot;
}

DocumentReport DocumentSpool::load(const SpoolSlot& slot) const {
  std::string bytes(static_cast<std::size_t>(slot.size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t got = ::pread(fd_, bytes.data() + done, bytes.size() - done,
                                static_cast<off_t>(slot.offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      throw LoadError(directory_,
                      "reading checked documents back from the spool failed: " +
                          (got == 0 ? std::string("it is shorter than written") : system_error()));
    }
    done += static_cast<std::size_t>(got);
  }
  return deserialize(bytes);
}

std::size_t DocumentSpool::stored() const {
  const std::lock_guard lock(mutex_);
  return stored_;
}

}  // namespace galley
