// How many exercises match the filter.
{{matching_exercises}}
RETURN count(e) AS total
