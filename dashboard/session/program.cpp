// Compiling a run (program.hpp).
#include "session/program.hpp"

#include "run/compile.hpp"

namespace gopark::dash {

std::shared_ptr<const vm::Image> compile_source(const std::string& source, const std::string& file_name,
                                                std::vector<SourceError>& errors, std::string& report) {
  engine::Compiled compiled = engine::compile(source, file_name);
  errors.clear();
  for (const lang::Diagnostic& d : compiled.errors) errors.push_back({int(d.pos.line), int(d.pos.col), d.message});
  report = compiled.image ? "" : "# command-line-arguments\n" + compiled.report;
  return compiled.image;
}

}  // namespace gopark::dash
