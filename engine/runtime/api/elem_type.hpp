// rt::ElemType for a C++ type: how channels move, destroy, zero and print values of T.
#pragma once

#include <new>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

#include "runtime/chan.hpp"

namespace gopark::co {

namespace detail {

template <class T, class = void>
struct Printable : std::false_type {};
template <class T>
struct Printable<T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<const T&>())>>
    : std::true_type {};

template <class T>
const char* type_name() {
  if constexpr (std::is_same_v<T, bool>) return "bool";
  else if constexpr (std::is_same_v<T, int>) return "int32";
  else if constexpr (std::is_same_v<T, long> || std::is_same_v<T, long long>) return "int64";
  else if constexpr (std::is_same_v<T, unsigned>) return "uint32";
  else if constexpr (std::is_same_v<T, unsigned long> || std::is_same_v<T, unsigned long long>) return "uint64";
  else if constexpr (std::is_same_v<T, double>) return "float64";
  else if constexpr (std::is_same_v<T, std::string>) return "string";
  else return "T";
}

}  // namespace detail

template <class T>
const rt::ElemType& elem_type() {
  static_assert(std::is_default_constructible_v<T>, "channel elements need a zero value");
  static const rt::ElemType type{
      detail::type_name<T>(),
      uint32_t(sizeof(T)),
      uint32_t(alignof(T)),
      [](void* dst, void* src) { ::new (dst) T(std::move(*static_cast<T*>(src))); },
      [](void* dst, void* src) { *static_cast<T*>(dst) = std::move(*static_cast<T*>(src)); },
      [](void* p) { static_cast<T*>(p)->~T(); },
      [](void* dst) { *static_cast<T*>(dst) = T{}; },
      [](const rt::ElemType&, const void* p, std::string& out) {
        if constexpr (std::is_same_v<T, std::string>) {
          out = *static_cast<const T*>(p);
        } else if constexpr (detail::Printable<T>::value) {
          std::ostringstream s;
          s << *static_cast<const T*>(p);
          out = s.str();
        } else {
          out = "?";
        }
      },
      std::is_trivially_copyable_v<T>,
  };
  return type;
}

}  // namespace gopark::co
