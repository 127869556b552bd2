-- fib(32), recursive: function calls and integer arithmetic. Computed 4 times to size the run.
local function fib(n)
  if n < 2 then
    return n
  end
  return fib(n - 1) + fib(n - 2)
end

local total = 0
for _ = 1, 4 do
  total = total + fib(32)
end
print(string.format("fib(32) = %d, 4 runs: %d", total // 4, total))
