-- String building: concatenation, tostring and a table of pieces, then a pass over the bytes.
local parts, np = {}, 0
for i = 0, 299999 do
  np = np + 1
  parts[np] = "<" .. tostring(i) .. ">"
  if i % 10 == 9 then
    np = np + 1
    parts[np] = "\n"
  end
end
local s = table.concat(parts)
local byte = string.byte
local sevens, lines, h = 0, 0, 0
for i = 1, #s do
  local c = byte(s, i)
  if c == 55 then -- '7'
    sevens = sevens + 1
  elseif c == 10 then -- '\n'
    lines = lines + 1
  end
  h = (h * 31 + c) & 0xffffffff
end
print(string.format("strings: length %d, %d lines, %d sevens, hash %d", #s, lines, sevens, h))
