// Names of opcodes, line lookup, and the disassembler (for debugging and tests).
#include "vm/code.hpp"

#include <algorithm>
#include <cstdio>

namespace gopark::vm {

const char* op_name(Op op) {
  static const char* const kNames[] = {
#define OP(name, extension, doc) #name,
#include "vm/ops.def"
#undef OP
  };
  return op < Op::Count_ ? kNames[std::size_t(op)] : "?";
}

std::uint32_t Function::line_at(std::uint32_t pc) const {
  auto it = std::upper_bound(lines.begin(), lines.end(), pc,
                             [](std::uint32_t p, const LineEntry& e) { return p < e.pc; });
  if (it == lines.begin()) return decl_line;
  return std::prev(it)->line;
}

const char* Function::receiver_name_at(std::uint32_t pc) const {
  auto it = std::lower_bound(call_receivers.begin(), call_receivers.end(), pc,
                             [](const auto& e, std::uint32_t p) { return e.first < p; });
  return it != call_receivers.end() && it->first == pc ? it->second.c_str() : nullptr;
}

const std::string& Image::file_of(const Function& f) const {
  static const std::string unknown = "?";
  return f.file < files.size() ? files[f.file] : unknown;
}

std::string Image::disassemble(const Function& f) const {
  std::string out = f.name + " (regs " + std::to_string(f.nregs) + ", params " + std::to_string(f.nparams) +
                    ", results " + std::to_string(f.nresults) + ", free " + std::to_string(f.nfree) + ")\n";
  char buf[160];
  std::uint32_t last_line = 0;
  for (std::size_t pc = 0; pc < f.code.size(); ++pc) {
    const Instr& in = f.code[pc];
    std::uint32_t line = f.line_at(std::uint32_t(pc));
    std::snprintf(buf, sizeof buf, "%5zu %5s %-14s x=%u a=%u b=%u c=%u", pc,
                  line != last_line ? std::to_string(line).c_str() : "", op_name(in.op), in.x, in.a, in.b, in.c);
    last_line = line;
    out += buf;
    if (in.op == Op::Call || in.op == Op::FuncValue || in.op == Op::Closure) {
      out += "  ; " + functions[in.bx()]->name;
    } else if (in.op == Op::CallNative) {
      out += "  ; " + natives[in.bx()].name;
    }
    out += "\n";
    if (has_extension(in.op) && pc + 1 < f.code.size()) {
      const Instr& e = f.code[++pc];
      std::snprintf(buf, sizeof buf, "%5zu       %-14s x=%u a=%u b=%u c=%u\n", pc, "  (ext)", e.x, e.a, e.b, e.c);
      out += buf;
    }
  }
  return out;
}

}  // namespace gopark::vm
