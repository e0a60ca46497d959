// One row while a load has begun and not completed (running, failed or killed); none otherwise.
MATCH (l:GraphLoad)
RETURN l.started_at AS started_at
LIMIT 1
