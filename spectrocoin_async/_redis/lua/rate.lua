-- GCRA: the key holds the theoretical arrival time (TAT) in microseconds of Redis' clock. The
-- j-th of ``wanted`` permits is allowed when TAT + j * interval - burst * interval <= now, which
-- is exactly a token bucket of ``burst`` tokens refilled at ``1 / interval``; several permits in
-- one round trip serve the tasks queued in one process. A live pause key refuses everything.
-- Every few seconds a limiter also announces itself (ARGV[4]: its id, ARGV[5]: the liveness
-- window in seconds, ARGV[6] set when due): KEYS[3] is a sorted set of limiter ids scored by the
-- second each was last seen; older members are pruned then. A caller missing from the set (it
-- was evicted, or Redis restarted behind a pooled reconnect) is put back at once, whether due or
-- not: otherwise it would take the others' count for the fleet's until its next announcement.
-- Every answer carries the count (O(1)): how many processes share the allowance now (1 / that
-- is the fallback's share). It expires with the window: an idle account leaves nothing behind.
-- Returns {granted, retry_after_us, remaining, now_us, live_limiters}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
if ARGV[4] and (ARGV[6] or not redis.call('ZSCORE', KEYS[3], ARGV[4])) then
  local window = tonumber(ARGV[5])
  redis.call('ZADD', KEYS[3], t[1], ARGV[4])
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. (tonumber(t[1]) - window))
  redis.call('EXPIRE', KEYS[3], window)
end
local live = redis.call('ZCARD', KEYS[3])
local pause = redis.call('PTTL', KEYS[2])
if pause > 0 then return {0, pause * 1000, 0, now, live} end
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local granted = math.min(wanted, math.floor((now - tat) / interval + burst))
if granted < 1 then
  return {0, math.ceil(tat + interval - burst * interval - now), 0, now, live}
end
local new_tat = tat + granted * interval
redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX',
           math.ceil((new_tat - now) / 1000))
return {granted, 0, math.floor((now - new_tat) / interval + burst), now, live}
