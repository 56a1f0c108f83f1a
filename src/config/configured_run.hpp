#pragma once

#include <optional>
#include <vector>

#include "config/resolve.hpp"
#include "pipeline.hpp"

namespace galley {

/// A run whose inputs may each have their own settings.
struct ConfiguredRun {
  Report report;  ///< Documents in input order, ignored inputs left out.
  std::vector<std::optional<Severity>> fail_on;  ///< The fail-on in force for each document.

  /// True when some document has a finding at or above its own fail-on.
  [[nodiscard]] bool fails() const;
};

/// Runs the pipeline with each input's effective settings: inputs whose config ignores them are
/// left out, inputs sharing a config run together (groups in order of first appearance), and the
/// report keeps input order. Batch checks compare documents within a group only. `inputs` are
/// taken (moved from), not copied: a batch of 100,000 paths is held once.
ConfiguredRun run_configured(std::vector<InputFile> inputs, ConfigResolver& resolver,
                             const ProgressCallback& progress = {});

}  // namespace galley
