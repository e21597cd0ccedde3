-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_create_everything
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TYPE public.post_state AS ENUM ('draft', 'published', 'archived');

CREATE SEQUENCE public.authors_id_seq AS integer;

CREATE SEQUENCE public.posts_id_seq AS integer;

CREATE SEQUENCE public.tags_id_seq AS integer;

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION audit.log_post()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    INSERT INTO audit.events (payload) VALUES (to_jsonb(NEW));
    RETURN NEW;
END $function$;

CREATE TABLE audit.events (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    payload jsonb,
    CONSTRAINT events_pkey PRIMARY KEY (id)
) PARTITION BY RANGE (id);

CREATE TABLE audit.events_0 PARTITION OF audit.events FOR VALUES FROM ('0') TO ('1000000');

CREATE TABLE public.authors (
    id integer DEFAULT nextval('public.authors_id_seq'::regclass) NOT NULL,
    name text NOT NULL,
    email text,
    CONSTRAINT authors_email_key UNIQUE (email),
    CONSTRAINT authors_pkey PRIMARY KEY (id)
);

CREATE TABLE public.post_tags (
    post_id integer NOT NULL,
    tag_id integer NOT NULL,
    CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id)
);

CREATE TABLE public.posts (
    id integer DEFAULT nextval('public.posts_id_seq'::regclass) NOT NULL,
    author_id integer NOT NULL,
    title character varying(200) NOT NULL,
    body text,
    state public.post_state DEFAULT 'draft'::public.post_state NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT posts_pkey PRIMARY KEY (id)
);

CREATE TABLE public.tags (
    id integer DEFAULT nextval('public.tags_id_seq'::regclass) NOT NULL,
    name text NOT NULL,
    CONSTRAINT tags_name_key UNIQUE (name),
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);

ALTER SEQUENCE public.authors_id_seq OWNED BY public.authors.id;

ALTER SEQUENCE public.posts_id_seq OWNED BY public.posts.id;

ALTER SEQUENCE public.tags_id_seq OWNED BY public.tags.id;

CREATE INDEX posts_author_idx ON public.posts USING btree (author_id, created_at DESC);

ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE;

ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES public.tags(id);

ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id) ON DELETE CASCADE;

CREATE MATERIALIZED VIEW audit.post_counts AS
SELECT posts.author_id,
    count(*) AS n
   FROM public.posts
  GROUP BY posts.author_id;

CREATE UNIQUE INDEX post_counts_author_idx ON audit.post_counts USING btree (author_id);

CREATE VIEW public.published_posts AS
SELECT posts.id,
    posts.title,
    posts.created_at
   FROM public.posts
  WHERE (posts.state = 'published'::public.post_state);

CREATE TRIGGER posts_audit AFTER INSERT ON public.posts FOR EACH ROW EXECUTE FUNCTION audit.log_post();

ALTER TABLE public.posts ENABLE ROW LEVEL SECURITY;

CREATE POLICY posts_visible ON public.posts AS PERMISSIVE FOR SELECT TO app_reader USING ((state = 'published'::public.post_state));

COMMENT ON TABLE public.posts IS 'blog posts';

GRANT SELECT ON TABLE public.authors TO app_reader;

GRANT SELECT ON TABLE public.post_tags TO app_reader;

GRANT SELECT ON TABLE public.posts TO app_reader;

GRANT SELECT ON TABLE public.tags TO app_reader;

GRANT SELECT ON TABLE public.published_posts TO app_reader;

-- migrate:downgrade
DROP VIEW public.published_posts;

DROP MATERIALIZED VIEW audit.post_counts;

-- hazard data-loss (drop-table): dropping table public.post_tags deletes its rows
DROP TABLE public.post_tags;

-- hazard data-loss (drop-table): dropping table public.tags deletes its rows
DROP TABLE public.tags;

-- hazard data-loss (drop-table): dropping table public.posts deletes its rows
DROP TABLE public.posts;

-- hazard data-loss (drop-table): dropping table public.authors deletes its rows
DROP TABLE public.authors;

-- hazard data-loss (drop-table): dropping table audit.events_0 deletes its rows
DROP TABLE audit.events_0;

-- hazard data-loss (drop-table): dropping table audit.events deletes its rows
DROP TABLE audit.events;

DROP FUNCTION audit.log_post();

DROP TYPE public.post_state;

DROP SCHEMA audit;

