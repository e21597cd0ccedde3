CREATE FUNCTION tenant() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT 1 $$;
CREATE FUNCTION norm(t text) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE TABLE docs (
    id int PRIMARY KEY,
    tenant_id bigint NOT NULL DEFAULT tenant(),
    title text NOT NULL CONSTRAINT docs_title_check CHECK (norm(title) IS NOT NULL)
);
CREATE INDEX docs_title_norm_idx ON docs (norm(title));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant_id = tenant());
