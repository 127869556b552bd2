-- Map insert and lookup, with integer keys and with string keys.
local n = 200000
local m, size = {}, 0
for i = 0, n - 1 do
  local k = i * 7919 % 1000003
  if m[k] == nil then size = size + 1 end
  m[k] = i
end
local hits, sum = 0, 0
for _ = 1, 4 do
  for k = 0, 499999 do
    local v = m[k * 13]
    if v ~= nil then
      hits = hits + 1
      sum = sum + v
    end
  end
end
print(string.format("int keys: %d entries, %d hits, sum %d", size, hits, sum))

local s, ssize = {}, 0
for i = 0, n - 1 do
  local k = "k" .. tostring(i * 31 % n)
  if s[k] == nil then ssize = ssize + 1 end
  s[k] = i
end
hits, sum = 0, 0
for k = 0, 2 * n - 1, 3 do
  local v = s["k" .. tostring(k)]
  if v ~= nil then
    hits = hits + 1
    sum = sum + v
  end
end
print(string.format("string keys: %d entries, %d hits, sum %d", ssize, hits, sum))
