#pragma once
// What Session and BatchRun share: compiling the editor's text (engine::compile) with its errors
// positioned for the editor. Internal to dashboard/session.
#include <memory>
#include <string>
#include <vector>

#include "session/session.hpp"
#include "vm/machine.hpp"

namespace gopark::dash {

// The program compiled, or null with its errors (positioned for the editor) and, in `report`,
// what `go run` prints for them.
std::shared_ptr<const vm::Image> compile_source(const std::string& source, const std::string& file_name,
                                                std::vector<SourceError>& errors, std::string& report);

}  // namespace gopark::dash
