-- binary-trees, depth 16 (the Benchmarks Game program, with 4x fewer iterations per depth to keep the
-- run near 1 s in Lua 5.4): allocation of many small tables, GC.
local function bottomUp(depth)
  if depth <= 0 then
    return {}
  end
  return { bottomUp(depth - 1), bottomUp(depth - 1) }
end

local function check(n)
  if n[1] == nil then
    return 1
  end
  return 1 + check(n[1]) + check(n[2])
end

local minDepth, maxDepth = 4, 16
local stretch = maxDepth + 1
print(string.format("stretch tree of depth %d\t check: %d", stretch, check(bottomUp(stretch))))

local longLived = bottomUp(maxDepth)
for d = minDepth, maxDepth, 2 do
  local iters = 1 << (maxDepth - d + minDepth - 2)
  local sum = 0
  for _ = 1, iters do
    sum = sum + check(bottomUp(d))
  end
  print(string.format("%d\t trees of depth %d\t check: %d", iters, d, sum))
end
print(string.format("long lived tree of depth %d\t check: %d", maxDepth, check(longLived)))
