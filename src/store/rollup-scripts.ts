/**
 * Lua shared by the scripts that keep the roll-ups: one hash per period, `rollups:<period>`, whose
 * field for each unit above a reporting unit holds (as JSON) the counts and sums of the latest
 * reports below it:
 *   n    reports            late  sent late          acc / ret  accepted / returned
 *   d<k> reports of units at depth k below the root
 *   s:<question>  sum of every numeric answer   a:<question>  the same over accepted reports only
 * A unit's parents are read from the units hash (JSON with parentCode), so a script walks the tree
 * atomically with its write.
 */
const COMMON = `
local parents = {}
local function parentOf(unitsKey, code)
  local known = parents[code]
  if known ~= nil then return known end
  local raw = redis.call('HGET', unitsKey, code)
  local parent = false
  if raw then
    local unit = cjson.decode(raw)
    if unit['parentCode'] ~= cjson.null and unit['parentCode'] ~= code then parent = unit['parentCode'] end
  end
  parents[code] = parent
  return parent
end
-- The units above code, nearest first (at most 64: a loop in stored parents stops there).
local function above(unitsKey, code)
  local chain = {}
  local current = parentOf(unitsKey, code)
  while current and #chain < 64 do
    chain[#chain + 1] = current
    current = parentOf(unitsKey, current)
  end
  return chain
end
local function contribution(encoded, depth)
  local c = {}
  if not encoded then return c end
  local rev = cjson.decode(encoded)
  c['n'] = 1
  c['d' .. depth] = 1
  if rev['late'] == true then c['late'] = 1 end
  local state = nil
  if type(rev['review']) == 'table' then state = rev['review']['state'] end
  if state == 'accepted' then c['acc'] = 1 elseif state == 'returned' then c['ret'] = 1 end
  local answers = rev['answers']
  if type(answers) == 'string' then answers = cjson.decode(answers) end
  if type(answers) == 'table' then
    for k, v in pairs(answers) do
      if type(v) == 'number' then
        c['s:' .. k] = v
        if state == 'accepted' then c['a:' .. k] = v end
      end
    end
  end
  return c
end
-- Adds (new - old) of one unit's report to every unit above it.
local function move(unitsKey, rollupsKey, code, oldEncoded, newEncoded)
  local chain = above(unitsKey, code)
  local old = contribution(oldEncoded, #chain)
  local delta = contribution(newEncoded, #chain)
  for k, v in pairs(old) do delta[k] = (delta[k] or 0) - v end
  for _, unit in ipairs(chain) do
    local raw = redis.call('HGET', rollupsKey, unit)
    local sums = raw and cjson.decode(raw) or {}
    for k, v in pairs(delta) do sums[k] = (sums[k] or 0) + v end
    redis.call('HSET', rollupsKey, unit, cjson.encode(sums))
  end
end
`;

/**
 * Appends a revision with the next number, records it as the unit's latest and, when the period's
 * roll-ups are built, moves them by the difference.
 * KEYS: revisions list, latest hash, units hash, built set, roll-ups hash, submission key. ARGV: revision
 * JSON, unit code, period id, '1' when keyed by the submitting update (a repeat returns the first number).
 */
export const SUBMIT_SCRIPT = `${COMMON}
if ARGV[4] == '1' then
  local earlier = redis.call('GET', KEYS[6])
  if earlier then return tonumber(earlier) end
end
local n = redis.call('LLEN', KEYS[1]) + 1
local rev = cjson.decode(ARGV[1])
rev['revision'] = n
local encoded = cjson.encode(rev)
redis.call('RPUSH', KEYS[1], encoded)
local old = redis.call('HGET', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[2], encoded)
if redis.call('SISMEMBER', KEYS[4], ARGV[3]) == 1 then move(KEYS[3], KEYS[5], ARGV[2], old, encoded) end
if ARGV[4] == '1' then redis.call('SET', KEYS[6], n, 'EX', 172800) end
return n
`;

/**
 * Sets the review of the unit's latest revision when it is still the one reviewed (0 otherwise:
 * a newer revision came in), appends the audit entry, and moves the roll-ups.
 * KEYS: latest hash, units hash, built set, audit list, roll-ups hash. ARGV: unit code, revision,
 * review JSON, period id, audit entry JSON.
 */
export const REVIEW_SCRIPT = `${COMMON}
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return -1 end
local rev = cjson.decode(old)
if tonumber(rev['revision']) ~= tonumber(ARGV[2]) then return 0 end
rev['review'] = cjson.decode(ARGV[3])
local encoded = cjson.encode(rev)
redis.call('HSET', KEYS[1], ARGV[1], encoded)
redis.call('RPUSH', KEYS[4], ARGV[5])
if redis.call('SISMEMBER', KEYS[3], ARGV[4]) == 1 then move(KEYS[2], KEYS[5], ARGV[1], old, encoded) end
return 1
`;

/**
 * Builds a period's roll-ups from scratch (after the tree changed, or for reports stored before
 * roll-ups existed): sums in memory, one write per unit above a report, then marks the period built.
 * KEYS: latest hash, units hash, built set, roll-ups hash. ARGV: period id.
 */
export const REBUILD_SCRIPT = `${COMMON}
redis.call('DEL', KEYS[4])
local sums = {}
local latest = redis.call('HGETALL', KEYS[1])
for i = 1, #latest, 2 do
  local chain = above(KEYS[2], latest[i])
  local c = contribution(latest[i + 1], #chain)
  for _, unit in ipairs(chain) do
    local s = sums[unit]
    if not s then s = {}; sums[unit] = s end
    for k, v in pairs(c) do s[k] = (s[k] or 0) + v end
  end
end
for unit, s in pairs(sums) do redis.call('HSET', KEYS[4], unit, cjson.encode(s)) end
redis.call('SADD', KEYS[3], ARGV[1])
return #latest / 2
`;
