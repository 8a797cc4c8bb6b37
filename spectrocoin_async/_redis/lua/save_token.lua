redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'access_token', ARGV[1], 'expires_at', ARGV[2], 'lifetime', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
