// The command line: argv -> Settings -> run -> exit code. Nothing below this file knows about
// the command line.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "checks/registry.hpp"
#include "core/load_error.hpp"
#include "pipeline.hpp"
#include "report/text_writer.hpp"
#include "report/xml_writer.hpp"
#include "version.hpp"

namespace galley {
namespace {

/// Exit codes: a contract with scripts.
enum ExitCode : int { kClean = 0, kFindings = 1, kUsageOrInput = 2, kInternal = 3 };

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string input_format;
  std::string fail_on = "error";
  bool no_color = false;
};

bool use_color(const CheckOptions& options) {
  if (options.no_color || !options.output.empty()) return false;
  if (std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

bool at_or_above(const Report& report, std::optional<Severity> fail_on) {
  if (!fail_on) return false;
  for (const DocumentReport& doc : report.documents) {
    for (const Finding& finding : doc.findings) {
      if (finding.severity >= *fail_on) return true;
    }
  }
  return false;
}

void write_report(const Report& report, const CheckOptions& options, std::ostream& out) {
  if (options.format == "xml") {
    write_xml(report, out);
  } else {
    write_text(report, out, {use_color(options), true});
  }
}

/// Writes to a temporary file beside the target and renames it: the report is complete or absent.
void write_report_file(const Report& report, const CheckOptions& options) {
  const std::string temporary = options.output + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw LoadError(options.output, "cannot write the report here");
    write_report(report, options, out);
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

int run_check(const CheckOptions& options, Settings settings) {
  std::optional<InputFormat> format;
  if (!options.input_format.empty()) format = parse_input_format(options.input_format);
  settings.fail_on = parse_severity(options.fail_on);
  const CollectedInputs inputs = collect_inputs(options.paths.empty() ? std::vector<std::string>{"."} : options.paths, format);
  for (const InputProblem& problem : inputs.problems) {
    std::cerr << "galley: " << problem.path << ": " << problem.message << '\n';
  }
  const Report report = run_pipeline(inputs.files, settings);
  bool input_error = !inputs.problems.empty();
  for (const DocumentReport& doc : report.documents) {
    if (doc.status == DocumentStatus::checked) continue;
    std::cerr << "galley: " << doc.path << ": " << doc.problem << '\n';
    input_error = input_error || doc.status == DocumentStatus::failed;
  }
  if (options.output.empty()) {
    write_report(report, options, std::cout);
    std::cout.flush();
  } else {
    write_report_file(report, options);
  }
  if (input_error) return kUsageOrInput;
  return at_or_above(report, settings.fail_on) ? kFindings : kClean;
}

int list_rules() {
  for (const CheckInfo& info : check_registry()) {
    std::cout << info.id << "  " << to_string(info.severity) << "  " << info.summary << '\n';
  }
  return kClean;
}

int explain(const std::string& id) {
  const CheckInfo* info = find_check(id);
  if (info == nullptr) {
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

int main_impl(int argc, char** argv) {
  CLI::App app{"galley: a proofreading pipeline for press releases"};
  app.set_version_flag("--version", std::string("galley ") + kVersion);
  app.require_subcommand(1);
  Settings settings;
  CheckOptions options;

  CLI::App* check = app.add_subcommand("check", "Check documents (files or directories; - reads stdin)");
  check->add_option("paths", options.paths, "Files and directories (recursive, by extension)");
  check->add_option("--format", options.format, "Report format")
      ->check(CLI::IsMember({"text", "xml"}))->capture_default_str();
  check->add_option("-o,--output", options.output, "Write the report to FILE (atomically)");
  check->add_option("--input-format", options.input_format, "Read every input as this format")
      ->check(CLI::IsMember({"text", "txt", "markdown", "md", "html"}));
  check->add_option("--lang", settings.language, "Language variety")
      ->check(CLI::IsMember({"auto", "en-US", "en-GB"}))->capture_default_str();
  check->add_option("--fail-on", options.fail_on, "Exit 1 when findings at or above this exist")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))->capture_default_str();
  check->add_option("-j,--jobs", settings.jobs, "Worker threads (0: one per core)");
  check->add_flag("--no-color", options.no_color, "No colours in the terminal report");

  CLI::App* rules = app.add_subcommand("rules", "List every rule with its default severity");
  std::string explain_id;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Explain a rule, with its examples");
  explain_cmd->add_option("id", explain_id, "Rule id, e.g. typography.repeated-word")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kClean : kUsageOrInput;
  }
  if (*rules) return list_rules();
  if (*explain_cmd) return explain(explain_id);
  return run_check(options, settings);
}

}  // namespace
}  // namespace galley

int main(int argc, char** argv) {
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
