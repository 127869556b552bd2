#pragma once
// The menu bar (menu_bar.cpp): File, Examples (by curriculum row), View. Internal to
// dashboard/ui.
namespace gopark::dash {

struct Shared;

struct MenuBar {
  bool quit = false;  // File > Quit was chosen (App::wants_quit)

  void draw(Shared& s);
};

}  // namespace gopark::dash
