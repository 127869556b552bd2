#pragma once
// What Session and BatchRun share: compiling the editor's text, and a Machine's configuration
// from the run settings. Internal to dashboard/session.
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

// A Machine's configuration for one run with `settings` (no trace, no output: the caller adds them).
vm::MachineConfig machine_config(const RunSettings& settings, const std::string& file_name);

}  // namespace gopark::dash
