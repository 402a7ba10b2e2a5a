-- wrk script of the benchmarks (bench/lib/wrk.ts): POST each body of the file WRK_BODIES in turn
-- (one JSON document per line) to WRK_PATH.
local bodies = {}
for line in io.lines(os.getenv("WRK_BODIES")) do
  if line ~= "" then bodies[#bodies + 1] = line end
end
local path = os.getenv("WRK_PATH")
local headers = { ["Content-Type"] = "application/json" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", path, headers, bodies[(i % #bodies) + 1])
end
dofile(os.getenv("WRK_LIB") .. "/wrk-done.lua")
