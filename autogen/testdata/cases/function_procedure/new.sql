CREATE TABLE counters (name text PRIMARY KEY, n int NOT NULL DEFAULT 0);
CREATE PROCEDURE bump(c text) LANGUAGE sql AS $$ UPDATE counters SET n = n + 1 WHERE name = c $$;
