-- Policies change roles, expressions, commands; RLS gets forced; a
-- policy calls a function.
CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT pg_has_role(current_user, 'app_admin', 'member') $$;
CREATE TABLE docs (id integer PRIMARY KEY, owner name NOT NULL DEFAULT current_user, public boolean NOT NULL DEFAULT false);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
CREATE POLICY docs_owner ON docs TO app_writer, app_reader USING (owner = current_user) WITH CHECK (owner = current_user AND NOT public);
CREATE POLICY docs_public ON docs FOR SELECT TO PUBLIC USING (public OR is_admin());
CREATE POLICY docs_admin ON docs AS RESTRICTIVE FOR DELETE TO app_admin USING (is_admin());
CREATE POLICY docs_insert ON docs FOR INSERT WITH CHECK (owner = current_user);
