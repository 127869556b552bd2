// compile() (compile.hpp).
#include "run/compile.hpp"

#include "lang/checker.hpp"
#include "lang/compile.hpp"
#include "lib/library.hpp"
#include "lib/natives/natives.hpp"

namespace gopark::engine {

Compiled compile(const std::string& source, const std::string& file_name) {
  Compiled out;
  lang::Diagnostics diags(file_name);
  auto program = lang::check_program(file_name, source, lib::library_loader(), diags);
  std::shared_ptr<vm::Image> image;
  if (diags.empty() && program) image = lang::compile(std::move(program), file_name, source, lib::find_native, diags);
  if (diags.empty() && image) {
    out.image = std::move(image);
    return out;
  }
  if (diags.empty()) {  // a gopark bug rather than the program's: say so rather than nothing
    out.errors.push_back({lang::Pos{}, "gopark could not compile this program"});
    out.report = file_name + ": " + out.errors.back().message + "\n";
    return out;
  }
  diags.sort();
  out.errors = diags.list();
  out.report = diags.format();
  return out;
}

}  // namespace gopark::engine
