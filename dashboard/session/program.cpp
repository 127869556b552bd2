// Compiling and configuring a run (program.hpp).
#include "session/program.hpp"

#include "lang/checker.hpp"
#include "lang/compile.hpp"
#include "lib/library.hpp"
#include "lib/natives/natives.hpp"

namespace gopark::dash {

std::shared_ptr<const vm::Image> compile_source(const std::string& source, const std::string& file_name,
                                                std::vector<SourceError>& errors, std::string& report) {
  errors.clear();
  report.clear();
  lang::Diagnostics diags(file_name);
  auto program = lang::check_program(file_name, source, lib::library_loader(), diags);
  std::shared_ptr<vm::Image> image;
  if (diags.empty() && program) image = lang::compile(std::move(program), file_name, source, lib::find_native, diags);
  if (diags.empty() && image) return image;
  for (const lang::Diagnostic& d : diags.list()) errors.push_back({int(d.pos.line), int(d.pos.col), d.message});
  report = "# command-line-arguments\n" + diags.format();
  if (diags.empty()) {
    errors.push_back({0, 0, "gopark could not compile this program"});
    report += file_name + ": gopark could not compile this program\n";
  }
  return nullptr;
}

vm::MachineConfig machine_config(const RunSettings& settings, const std::string& file_name) {
  vm::MachineConfig config;
  config.runtime.procs = settings.procs;
  config.runtime.mode = settings.mode;
  config.runtime.seed = settings.seed;
  config.memory_limit = settings.memory_limit;
  config.args.push_back(file_name);
  return config;
}

}  // namespace gopark::dash
