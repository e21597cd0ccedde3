CREATE TYPE person_name AS (first text COLLATE "C", last text);
