-- Sieve of Eratosthenes over an array of booleans: indexing and stores in tight loops.
local function sieve(n)
  local composite = {}
  for i = 1, n do
    composite[i] = false
  end
  local count, last = 0, 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      last = i
      for j = i * i, n, i do
        composite[j] = true
      end
    end
  end
  return count, last
end

local total = 0
local count, last = 0, 0
for _ = 1, 4 do
  count, last = sieve(2000000)
  total = total + count
end
print(string.format("sieve(2000000): %d primes, largest %d, 4 runs: %d", count, last, total))
