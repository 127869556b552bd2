-- Nested loops with integer arithmetic: the interpreter's dispatch loop and its typed instructions.
local sum = 0
local x = 1
for i = 0, 5999 do
  for j = 0, 3999 do
    sum = sum + (i * j + x) % 7
    x = (x * 31 + j) & 0xffff
  end
  sum = sum ~ i
end
print(string.format("loops: sum = %d, x = %d", sum, x))
