// Settings differ per file when configs differ; the pipeline takes one Settings per run, so the
// inputs are grouped by their effective config and run group by group.
#include "config/configured_run.hpp"

#include <chrono>

#include "report/spool.hpp"
#include "version.hpp"

namespace galley {

bool ConfiguredRun::fails() const {
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    if (!fail_on[i]) continue;
    const std::array<std::size_t, 3> counts = severity_counts(report.documents[i]);
    for (auto level = static_cast<std::size_t>(*fail_on[i]); level < counts.size(); ++level) {
      if (counts[level] > 0) return true;
    }
  }
  return false;
}

ConfiguredRun run_configured(std::vector<InputFile> inputs, ConfigResolver& resolver,
                             const ProgressCallback& progress) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<const EffectiveSettings*> groups;   // In order of first appearance.
  std::vector<std::vector<std::size_t>> members;  // Indices into `kept`, per group.
  std::vector<InputFile> kept;
  for (InputFile& input : inputs) {
    if (resolver.ignored(input.path)) continue;
    const EffectiveSettings* settings = &resolver.settings_for(input.path);
    std::size_t group = 0;
    while (group < groups.size() && groups[group] != settings) ++group;
    if (group == groups.size()) {
      groups.push_back(settings);
      members.emplace_back();
    }
    members[group].push_back(kept.size());
    kept.push_back(std::move(input));
  }
  inputs = {};
  ConfiguredRun run;
  run.report.tool_version = kVersion;
  if (groups.size() > 1) run.report.documents.resize(kept.size());
  run.report.spool = std::make_shared<DocumentSpool>();  // One budget for the whole run.
  run.report.spool->expect(kept.size());
  run.fail_on.resize(kept.size());
  std::size_t finished = 0;
  for (std::size_t group = 0; group < groups.size() && !run.report.interrupted; ++group) {
    std::vector<InputFile> group_inputs;
    for (const std::size_t index : members[group]) group_inputs.push_back(std::move(kept[index]));
    Report part = run_pipeline(
        group_inputs, groups[group]->settings,
        [&](std::size_t done, std::size_t) {
          if (progress) progress(finished + done, kept.size());
        },
        run.report.spool);
    for (std::size_t i = 0; i < members[group].size(); ++i) {
      run.fail_on[members[group][i]] = groups[group]->settings.fail_on;
    }
    if (groups.size() == 1) {
      // One config for all (the usual case): no second vector of 100,000 reports at once.
      run.report.documents = std::move(part.documents);
    } else {
      for (std::size_t i = 0; i < members[group].size(); ++i) {
        run.report.documents[members[group][i]] = std::move(part.documents[i]);
      }
    }
    run.report.interrupted = part.interrupted;
    finished += group_inputs.size();
  }
  run.report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

}  // namespace galley
