CREATE TYPE person_name AS (first text, last text);
