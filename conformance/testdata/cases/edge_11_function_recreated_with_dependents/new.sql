-- Functions change result type (so they are dropped and created again)
-- while a default, a check, an index, a policy and a view call them.
CREATE FUNCTION tenant() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant', true)::bigint $$;
CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE TABLE docs (
    id integer PRIMARY KEY,
    tenant_id bigint NOT NULL DEFAULT tenant(),
    title text NOT NULL CHECK (norm(title) <> '')
);
CREATE INDEX docs_title_norm_idx ON docs (norm(title));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant_id = tenant());
CREATE VIEW my_docs AS SELECT id, title FROM docs WHERE tenant_id = tenant();
