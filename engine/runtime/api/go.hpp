// Everything of the C++ goroutine API: tasks and `go`, channels and select, sync, sync/atomic, time.
#pragma once

#include "runtime/api/atomic.hpp"
#include "runtime/api/chan.hpp"
#include "runtime/api/sync.hpp"
#include "runtime/api/task.hpp"
#include "runtime/api/time.hpp"
