-- Compare-and-delete: after a 401, drop the token only if it is still the one that failed;
-- another worker may already have stored a new one.
if redis.call('HGET', KEYS[1], 'access_token') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
