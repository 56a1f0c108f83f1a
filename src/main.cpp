// The command line: argv -> Settings -> run -> exit code. Nothing below this file knows about
// the command line.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "checks/registry.hpp"
#include "checks/rule_pack_check.hpp"
#include "config/configured_run.hpp"
#include "core/allocator_tuning.hpp"
#include "core/interrupt.hpp"
#include "core/load_error.hpp"
#include "pipeline.hpp"
#include "progress_bar.hpp"
#include "report/baseline.hpp"
#include "report/text_writer.hpp"
#include "report/writers.hpp"
#include "report/xml_reader.hpp"
#include "report/xml_writer.hpp"
#include "version.hpp"

namespace galley {
namespace {

/// Runs with at least this many documents show a progress bar on a terminal.
constexpr std::size_t kProgressThreshold = 20;

/// Exit codes: a contract with scripts.
enum ExitCode : int { kClean = 0, kFindings = 1, kUsageOrInput = 2, kInternal = 3 };

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string input_format;
  std::string fail_on = "error";
  bool no_color = false;
  std::vector<std::string> disable;   ///< --disable ID (rule id or category).
  std::vector<std::string> severity;  ///< --severity ID=LEVEL.
  std::string config;                 ///< --config FILE: instead of each file's nearest .galley.xml.
  std::string baseline;               ///< --baseline FILE: hide the findings this report holds.
};

/// --disable and --severity into Settings::overrides; a malformed value is a usage error.
void add_overrides(const CheckOptions& options, Settings& settings) {
  for (const std::string& id : options.disable) settings.overrides[id] = std::nullopt;
  for (const std::string& item : options.severity) {
    const std::size_t equals = item.find('=');
    const std::optional<Severity> level =
        equals == std::string::npos ? std::nullopt : parse_severity(item.substr(equals + 1));
    if (!level) {
      throw LoadError("", "--severity wants ID=LEVEL (info, warning or error), not '" + item + "'");
    }
    settings.overrides[item.substr(0, equals)] = level;
  }
}

bool use_color(const CheckOptions& options) {
  if (options.no_color || !options.output.empty()) return false;
  if (std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

void write_report(const Report& report, const CheckOptions& options, const Settings& settings,
                  std::ostream& out) {
  // SARIF describes each rule it names, rule-pack rules too (loaded once per process).
  std::shared_ptr<const RuleSet> rules;
  if (options.format == "sarif") rules = pack_rules(settings);
  galley::write_report(report, options.format, out, {use_color(options), rules});
}

/// Writes to a temporary file beside the target and renames it: the report is complete or absent.
void write_report_file(const Report& report, const CheckOptions& options, const Settings& settings) {
  std::error_code error;
  const auto status = std::filesystem::status(options.output, error);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // A device or a pipe (/dev/null, /dev/stdout): write through; never rename over it.
    std::ofstream out(options.output, std::ios::binary);
    write_report(report, options, settings, out);
    out.flush();
    if (!out) throw LoadError(options.output, "writing the report failed");
    return;
  }
  const std::string temporary = options.output + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw LoadError(options.output, "cannot write the report here");
    try {
      write_report(report, options, settings, out);
    } catch (...) {
      std::remove(temporary.c_str());  // The spool could not be read back: no half a report.
      throw;
    }
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw LoadError(options.output, "writing the report failed (disk full?)");
    }
  }
  if (std::rename(temporary.c_str(), options.output.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw LoadError(options.output, "cannot move the report into place");
  }
}

/// Whether `command` has the option `name` and it was given (`baseline` has no --fail-on).
bool given(const CLI::App& command, const std::string& name) {
  const CLI::Option* option = command.get_option_no_throw(name);
  return option != nullptr && option->count() > 0;
}

/// What `command` was given: the command line's part of each file's settings.
CommandLine command_line_of(const CLI::App& command, const CheckOptions& options,
                            Settings settings) {
  add_overrides(options, settings);
  settings.fail_on = parse_severity(options.fail_on);
  return {std::move(settings), given(command, "--lang"), given(command, "--fail-on"),
          options.config};
}

/// `galley config --show FILE`: the settings in force for FILE and where each comes from.
int show_config(const std::string& path, const CommandLine& command_line) {
  ConfigResolver resolver(command_line);
  const EffectiveSettings& effective = resolver.settings_for(path);
  std::cout << path << (resolver.ignored(path) ? ": ignored by its config, not checked\n" : ":\n");
  for (const SettingSource& source : effective.sources) {
    const std::size_t pad = source.name.size() < 14 ? 16 - source.name.size() : 2;
    const std::string name = source.name + std::string(pad, ' ');
    std::cout << "  " << name << source.value << "  (" << source.origin << ")\n";
  }
  return kClean;
}

/// A finished run, and whether some input could not be read (exit 2 whatever else happened).
struct CheckedRun {
  ConfiguredRun run;
  bool input_error = false;
};

/// Collects the inputs, runs the checks (with a progress bar on a terminal) and says on stderr
/// which inputs could not be checked.
CheckedRun check_inputs(const CheckOptions& options, const CommandLine& command_line) {
  std::optional<InputFormat> format;
  if (!options.input_format.empty()) format = parse_input_format(options.input_format);
  ConfigResolver resolver(command_line);
  CollectedInputs inputs = collect_inputs(options.paths.empty() ? std::vector<std::string>{"."} : options.paths, format);
  for (const InputProblem& problem : inputs.problems) {
    std::cerr << "galley: " << problem.path << ": " << problem.message << '\n';
  }
  // A progress bar only where a person watches a long run.
  std::optional<ProgressBar> bar;
  if (isatty(STDERR_FILENO) != 0 && inputs.files.size() >= kProgressThreshold) {
    bar.emplace(std::cerr, inputs.files.size());
  }
  const auto on_progress = [&](std::size_t done, std::size_t /*total*/) {
    if (bar) bar->update(done);
  };
  CheckedRun checked{run_configured(std::move(inputs.files), resolver, on_progress), !inputs.problems.empty()};
  if (bar) bar->clear();
  for (const DocumentReport& doc : checked.run.report.documents) {
    if (doc.status == DocumentStatus::checked) continue;
    std::cerr << "galley: " << doc.path << ": " << doc.problem << '\n';
    checked.input_error = checked.input_error || doc.status == DocumentStatus::failed;
  }
  return checked;
}

/// The exit status of an interrupted run, said on stderr.
int interrupted() {
  // Nothing half-done is written: the report is complete or absent.
  std::cerr << "galley: interrupted by signal " << interrupt_signal() << "; no report written\n";
  return 128 + interrupt_signal();
}

/// Writes the report to --output, or to standard output without one.
void emit_report(const Report& report, const CheckOptions& options, const Settings& settings) {
  if (!options.output.empty()) {
    write_report_file(report, options, settings);
    return;
  }
  write_report(report, options, settings, std::cout);
  std::cout.flush();
  if (!std::cout) throw LoadError("<stdout>", "cannot write the report (closed pipe or full disk)");
}

int run_check(const CheckOptions& options, const CommandLine& command_line) {
  // A bad baseline is a load error before any work is done.
  std::optional<Baseline> baseline;
  if (!options.baseline.empty()) baseline = Baseline::load(options.baseline);
  CheckedRun checked = check_inputs(options, command_line);
  Report& report = checked.run.report;
  if (report.interrupted) return interrupted();
  if (baseline) report.baseline_hidden = baseline->filter(report);
  emit_report(report, options, command_line.settings);
  if (checked.input_error) return kUsageOrInput;
  return checked.run.fails() ? kFindings : kClean;
}

/// `galley baseline`: the XML report of a run, as the --baseline of later runs.
int run_baseline(CheckOptions options, const CommandLine& command_line) {
  options.format = "xml";
  const CheckedRun checked = check_inputs(options, command_line);
  const Report& report = checked.run.report;
  if (report.interrupted) return interrupted();
  write_report_file(report, options, command_line.settings);
  const std::size_t findings = Baseline(report).size();
  const std::size_t documents = report.summary().documents;
  std::cerr << "galley: baseline of " << findings << (findings == 1 ? " finding" : " findings")
            << " in " << documents << (documents == 1 ? " document" : " documents")
            << " written to " << options.output << '\n';
  return checked.input_error ? kUsageOrInput : kClean;
}

/// `galley render`: a saved XML report in another format.
int run_render(const std::string& path, const CheckOptions& options, const Settings& settings) {
  emit_report(read_xml_report(path), options, settings);
  return kClean;
}

int list_rules(const Settings& settings) {
  for (const CheckInfo& info : check_registry()) {
    std::cout << info.id << "  " << to_string(info.severity) << "  " << info.summary << '\n';
  }
  for (const Rule& rule : pack_rules(settings)->rules) {
    std::cout << rule.id << "  " << to_string(rule.severity) << "  " << rule.summary << '\n';
  }
  return kClean;
}

int explain_rule(const Rule& rule) {
  std::cout << rule.id << " (" << to_string(rule.severity) << ", " << to_string(rule.kind) << ", "
            << rule.origin.path << ":" << rule.origin.line << ")\n" << rule.summary << "\n\n"
            << "Message: " << rule.message << "\n\n" << rule.rationale << "\n\nExamples:\n";
  for (const RuleExample& example : rule.examples) {
    std::cout << (example.incorrect ? "  flagged:     " : "  not flagged: ") << example.text;
    if (example.has_suggestion) std::cout << "  ->  \"" << example.suggestion << '"';
    std::cout << '\n';
  }
  return kClean;
}

int explain(const std::string& id, const Settings& settings) {
  const CheckInfo* info = find_check(id);
  if (info == nullptr) {
    const std::shared_ptr<const RuleSet> rules = pack_rules(settings);
    if (const Rule* rule = rules->find(id)) return explain_rule(*rule);
    std::cerr << "galley: no rule '" << id << "'; `galley rules` lists them\n";
    return kUsageOrInput;
  }
  std::cout << info->id << " (" << to_string(info->severity) << ")\n" << info->summary << "\n\n"
            << info->rationale << "\n\nExamples:\n";
  for (const CheckExample& example : info->examples) {
    std::cout << (example.incorrect ? "  flagged:     " : "  not flagged: ") << example.text << '\n';
  }
  return kClean;
}

/// The options `check` and `baseline` share: what to check and how.
void add_run_options(CLI::App& command, Settings& settings, CheckOptions& options) {
  command.add_option("paths", options.paths, "Files and directories (recursive, by extension)");
  command.add_option("--input-format", options.input_format, "Read every input as this format")
      ->check(CLI::IsMember({"text", "txt", "markdown", "md", "html"}));
  command.add_option("--lang", settings.language, "Language variety")
      ->check(CLI::IsMember({"auto", "en-US", "en-GB"}))->capture_default_str();
  command.add_option("-j,--jobs", settings.jobs,
                     "Worker threads (0: one per core); a document of 1 MB or more takes a "
                     "second thread unless this is 1");
  command.add_option("--max-bytes", settings.max_document_bytes, "Skip documents larger than this")
      ->capture_default_str();
  command.add_option("--dictionary", settings.dictionaries,
                     "Extra words: a Hunspell .dic or one word a line (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--disable", options.disable, "Switch off a rule or category (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--severity", options.severity, "Re-grade a rule or category: ID=LEVEL")
      ->allow_extra_args(false);
}

int main_impl(int argc, char** argv) {
  CLI::App app{"galley: a proofreading pipeline for press releases"};
  app.set_version_flag("--version", std::string("galley ") + kVersion);
  app.require_subcommand(1);
  Settings settings;
  CheckOptions options;

  CLI::App* check = app.add_subcommand("check", "Check documents (files or directories; - reads stdin)");
  add_run_options(*check, settings, options);
  check->add_option("--format", options.format, "Report format")
      ->check(CLI::IsMember(report_formats()))->capture_default_str();
  check->add_option("-o,--output", options.output, "Write the report to FILE (atomically)");
  check->add_option("--fail-on", options.fail_on, "Exit 1 when findings at or above this exist")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))->capture_default_str();
  check->add_flag("--no-color", options.no_color, "No colours in the terminal report");
  check->add_option("--baseline", options.baseline,
                    "Report only findings not in this earlier report (galley baseline)");
  CLI::App* baseline = app.add_subcommand(
      "baseline", "Write a baseline: the XML report of the findings to hide from later checks");
  add_run_options(*baseline, settings, options);
  baseline->add_option("-o,--output", options.output, "The baseline file to write")->required();

  CLI::App* rules = app.add_subcommand("rules", "List every rule with its default severity");
  std::string explain_id;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Explain a rule, with its examples");
  explain_cmd->add_option("id", explain_id, "Rule id, e.g. typography.repeated-word")->required();
  std::string render_path;
  CLI::App* render = app.add_subcommand("render", "Render a saved XML report in another format");
  render->add_option("report", render_path, "An XML report (check --format xml)")->required();
  render->add_option("--format", options.format, "Report format")
      ->check(CLI::IsMember(report_formats()))->capture_default_str();
  render->add_option("-o,--output", options.output, "Write the report to FILE (atomically)");
  render->add_flag("--no-color", options.no_color, "No colours in the text format");
  std::string show_path;
  CLI::App* config = app.add_subcommand("config", "Show the settings in force for a file");
  config->add_option("--show", show_path, "The file whose settings to show")->required();
  config->add_option("--lang", settings.language, "Language variety")
      ->check(CLI::IsMember({"auto", "en-US", "en-GB"}));
  config->add_option("--fail-on", options.fail_on, "Exit 1 when findings at or above this exist")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  config->add_option("--dictionary", settings.dictionaries, "Extra words (repeatable)")
      ->allow_extra_args(false);
  config->add_option("--disable", options.disable, "Switch off a rule or category")
      ->allow_extra_args(false);
  config->add_option("--severity", options.severity, "Re-grade a rule or category: ID=LEVEL")
      ->allow_extra_args(false);
  for (CLI::App* command : {check, baseline, config}) {
    command->add_option("--config", options.config,
                        "Use FILE instead of each file's nearest .galley.xml");
  }
  for (CLI::App* command : {check, baseline, rules, explain_cmd, render, config}) {
    command->add_option("--rules", settings.rule_paths, "A rule file or directory (repeatable)")
        ->allow_extra_args(false);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kClean : kUsageOrInput;
  }
  if (*rules) return list_rules(settings);
  if (*explain_cmd) return explain(explain_id, settings);
  if (*render) return run_render(render_path, options, settings);
  if (*config) return show_config(show_path, command_line_of(*config, options, settings));
  if (*baseline) return run_baseline(options, command_line_of(*baseline, options, settings));
  return run_check(options, command_line_of(*check, options, settings));
}

}  // namespace
}  // namespace galley

int main(int argc, char** argv) {
  galley::restart_with_tuned_allocator(argv);
  galley::install_interrupt_handlers();
  try {
    return galley::main_impl(argc, argv);
  } catch (const galley::LoadError& error) {
    std::cerr << error.describe() << '\n';
    return galley::kUsageOrInput;
  } catch (const std::exception& error) {
    std::cerr << "galley: internal error: " << error.what() << "\nPlease report this as a bug.\n";
    return galley::kInternal;
  }
}
