#include "lang/ast.hpp"

namespace gopark::lang {

std::size_t FieldList::count() const {
  std::size_t n = 0;
  for (const Field* field : list) n += field->names.empty() ? 1 : field->names.size();
  return n;
}

}  // namespace gopark::lang
