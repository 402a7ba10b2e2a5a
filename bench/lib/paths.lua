-- wrk script of the benchmarks (bench/lib/wrk.ts): GET each path of the file WRK_PATHS in turn
-- (one per line, already URL-encoded).
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
dofile(os.getenv("WRK_LIB") .. "/wrk-done.lua")
