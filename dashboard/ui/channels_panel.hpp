#pragma once
// Channels (channels_panel.cpp). Internal to dashboard/ui.
#include "ui/widgets.hpp"

namespace gopark::dash {

struct ChannelsPanel {
  ItemHeights heights;  // each channel's height when last drawn (only those in view are drawn)

  void draw(Shared& s);
};

}  // namespace gopark::dash
