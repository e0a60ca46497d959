{{matching_exercises}}
RETURN count(e) AS total
