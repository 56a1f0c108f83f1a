#include "core/load_error.hpp"

#include "core/utf8.hpp"

namespace galley {

std::string LoadError::describe() const {
  std::string out;
  if (!path_.empty()) out += path_ + ":";
  if (line_ > 0) out += std::to_string(line_) + ":" + std::to_string(column_) + ":";
  if (!out.empty()) out += " ";
  out += "error: ";
  out += what();
  if (line_ > 0 && !source_line_.empty()) {
    out += "\n" + source_line_ + "\n";
    out += std::string(column_ > 0 ? column_ - 1 : 0, ' ') + "^";
  }
  return out;
}

}  // namespace galley
