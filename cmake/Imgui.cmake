# Dear ImGui 1.86, compiled from source as the static library `imgui` (core + SDL2 and OpenGL3
# backends), or, when something it needs is missing, GOPARK_DASHBOARD turned off with one message
# so that the engine, its tests and the command-line gopark still build.
#
# Where it comes from: Debian's libimgui-dev has headers and a desktop .so only, while the web
# build must compile ImGui with Emscripten; so both builds compile the same source tree, which
# cmake/deps.sh unpacks from Debian's source package into a cache outside the repository:
#   IMGUI_DIR = ${GOPARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gopark}/imgui-1.86+ds
#
# Flags: ImGui is third-party code, so it gets none of our warnings, but it does get our
# sanitizer flags (GOPARK_SANITIZE), or ASan would miss overflows into and out of its buffers.
#
# Natively the window is SDL2 (Debian's libsdl2-dev) and rendering desktop OpenGL 3 through the
# backend's own loader (it dlopens libGL). The web build will reuse this file with
# IMGUI_IMPL_OPENGL_ES3 and its own SDL2 (TOOLCHAIN.md); that path is sketched below, not tested.
#
# GOPARK_DASHBOARD stays an option in the cache; turning it off here sets a normal variable of the
# same name in the including (top-level) scope, which every later add_subdirectory sees. Unlike a
# forced cache value, it comes back on by itself once the missing piece is installed.

set(_gopark_imgui_version 1.86)
if(DEFINED ENV{GOPARK_CACHE} AND NOT "$ENV{GOPARK_CACHE}" STREQUAL "")
  set(_gopark_cache "$ENV{GOPARK_CACHE}")
elseif(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
  set(_gopark_cache "$ENV{XDG_CACHE_HOME}/gopark")
else()
  set(_gopark_cache "$ENV{HOME}/.cache/gopark")
endif()
set(IMGUI_DIR "${_gopark_cache}/imgui-${_gopark_imgui_version}+ds" CACHE PATH
    "Dear ImGui ${_gopark_imgui_version} source tree (cmake/deps.sh fetches it)")

macro(_gopark_dashboard_off why)
  message(WARNING "gopark: the dashboard and the desktop app will not be built: ${why}\n"
                  "Run cmake/deps.sh (or `make play`), then configure again.")
  set(GOPARK_DASHBOARD OFF)
  return()   # from this included file, back to the top-level CMakeLists.txt
endmacro()

# ---- the source tree ----
foreach(_file imgui.cpp imgui.h backends/imgui_impl_sdl.cpp backends/imgui_impl_opengl3.cpp
              backends/imgui_impl_opengl3_loader.h)
  if(NOT EXISTS "${IMGUI_DIR}/${_file}")
    _gopark_dashboard_off("no Dear ImGui ${_gopark_imgui_version} source at IMGUI_DIR=${IMGUI_DIR}")
  endif()
endforeach()
file(STRINGS "${IMGUI_DIR}/imgui.h" _imgui_version_line REGEX "^#define IMGUI_VERSION ")
if(NOT _imgui_version_line MATCHES "\"${_gopark_imgui_version}\"")
  _gopark_dashboard_off("${IMGUI_DIR} is not Dear ImGui ${_gopark_imgui_version} (${_imgui_version_line})")
endif()

# ---- the platform: SDL2 and OpenGL ----
# The web build's SDL2 is ours, built by cmake/sdl2_web.sh into the same cache (never the
# sysroot's sdl2-config.cmake, which maps to Emscripten's downloading port).
if(EMSCRIPTEN AND NOT SDL2_DIR)
  set(SDL2_DIR "${_gopark_cache}/sdl2-web-2.26.5/lib/cmake/SDL2" CACHE PATH "SDL2 for Emscripten (cmake/sdl2_web.sh)")
endif()
if(EMSCRIPTEN)
  find_package(SDL2 CONFIG QUIET NO_DEFAULT_PATH PATHS "${SDL2_DIR}")
  if(NOT TARGET SDL2::SDL2)
    _gopark_dashboard_off("no SDL2 for the web at SDL2_DIR=${SDL2_DIR} (cmake/sdl2_web.sh builds it)")
  endif()
else()
  find_package(SDL2 CONFIG QUIET)
  if(NOT TARGET SDL2::SDL2)
    _gopark_dashboard_off("SDL2 not found (Debian: libsdl2-dev)")
  endif()
endif()
if(NOT EMSCRIPTEN)
  find_package(OpenGL QUIET)
  if(NOT TARGET OpenGL::GL)
    _gopark_dashboard_off("OpenGL not found (Debian: libgl-dev)")
  endif()
endif()

# ---- the OpenGL3 backend, patched ----
# imgui 1.86's desktop GL loader declares imgl3wProcs.ptr[53] but fills 54 entries (upstream
# #4830, fixed in 1.87): a one-slot overflow that ASan reports. We compile a copy of the backend
# next to a fixed copy of its loader header (the backend includes it with quotes, so the copy
# beside it wins). configure_file rewrites the copies only when they change.
set(_imgui_patched "${CMAKE_BINARY_DIR}/imgui-patched")
file(READ "${IMGUI_DIR}/backends/imgui_impl_opengl3_loader.h" _loader)
string(FIND "${_loader}" "GL3WglProc ptr[53];" _at)
if(_at EQUAL -1)
  _gopark_dashboard_off("${IMGUI_DIR}/backends/imgui_impl_opengl3_loader.h is not the 1.86 loader the fix expects")
endif()
string(REPLACE "GL3WglProc ptr[53];" "GL3WglProc ptr[54];" _loader "${_loader}")
file(WRITE "${_imgui_patched}/loader.h.new" "${_loader}")
configure_file("${_imgui_patched}/loader.h.new" "${_imgui_patched}/imgui_impl_opengl3_loader.h" COPYONLY)
configure_file("${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp" "${_imgui_patched}/imgui_impl_opengl3.cpp" COPYONLY)
set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${IMGUI_DIR}/backends/imgui_impl_opengl3_loader.h")

# ---- the library ----
add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp"
  "${IMGUI_DIR}/imgui_demo.cpp"      # ShowDemoWindow: the widget reference, handy while building panels
  "${IMGUI_DIR}/imgui_draw.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_sdl.cpp"
  "${_imgui_patched}/imgui_impl_opengl3.cpp")
# SYSTEM: our targets include imgui.h with all our warnings on; its own warnings are not ours.
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_link_libraries(imgui PUBLIC SDL2::SDL2)
if(EMSCRIPTEN)
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
else()
  target_link_libraries(imgui PRIVATE ${CMAKE_DL_LIBS})   # the GL loader dlopens libGL.so.1
endif()
# Our sanitizer (and Emscripten) flags, without our warnings: -w silences every warning whatever
# the order of flags, so gopark_target_flags stays the one place sanitizers are spelled.
gopark_target_flags(imgui)
target_compile_options(imgui PRIVATE -w)
