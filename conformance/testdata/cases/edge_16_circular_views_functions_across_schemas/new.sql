-- A reporting schema whose views call functions of another schema that
-- read views of the first: app -> audit -> app.
CREATE SCHEMA app;
CREATE SCHEMA audit;
CREATE TABLE app.orders (id integer PRIMARY KEY, total numeric NOT NULL, placed date NOT NULL);
CREATE VIEW app.daily AS SELECT placed, sum(total) AS total FROM app.orders GROUP BY placed;
CREATE FUNCTION audit.best_day() RETURNS SETOF app.daily LANGUAGE sql STABLE AS $$ SELECT * FROM app.daily ORDER BY total DESC LIMIT 1 $$;
CREATE VIEW app.best AS SELECT * FROM audit.best_day();
CREATE FUNCTION audit.day_total(d date) RETURNS numeric LANGUAGE sql STABLE RETURN (SELECT total FROM app.daily WHERE placed = d);
CREATE VIEW audit.today AS SELECT audit.day_total(current_date) AS total;
