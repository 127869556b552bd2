-- spectral-norm, n = 450 (the Benchmarks Game program): float arithmetic over arrays.
local function a(i, j)
  return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
end

-- Indices run from 0 to n-1 as in the Go version, so that a(i, j) gets the same arguments.
local function mulAv(n, v, av)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do
      s = s + a(i, j) * v[j]
    end
    av[i] = s
  end
end

local function mulAtv(n, v, atv)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do
      s = s + a(j, i) * v[j]
    end
    atv[i] = s
  end
end

local function mulAtAv(n, v, out, tmp)
  mulAv(n, v, tmp)
  mulAtv(n, tmp, out)
end

local n = 450
local u, v, tmp = {}, {}, {}
for i = 0, n - 1 do
  u[i], v[i], tmp[i] = 1.0, 0.0, 0.0
end
for _ = 1, 10 do
  mulAtAv(n, u, v, tmp)
  mulAtAv(n, v, u, tmp)
end
local vBv, vv = 0.0, 0.0
for i = 0, n - 1 do
  vBv = vBv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("spectral-norm(%d) = %.9f", n, math.sqrt(vBv / vv)))
