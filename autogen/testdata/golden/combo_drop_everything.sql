-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_drop_everything
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.published_posts;

DROP VIEW public.author_stats;

-- hazard data-loss (drop-table): dropping table public.post_tags deletes its rows
DROP TABLE public.post_tags;

-- hazard data-loss (drop-table): dropping table public.tags deletes its rows
DROP TABLE public.tags;

-- hazard data-loss (drop-table): dropping table public.posts deletes its rows
DROP TABLE public.posts;

-- hazard data-loss (drop-table): dropping table public.authors deletes its rows
DROP TABLE public.authors;

DROP FUNCTION public.post_count(a integer);

DROP TYPE public.post_state;

-- migrate:downgrade
CREATE TYPE public.post_state AS ENUM ('draft', 'published', 'archived');

CREATE SEQUENCE public.authors_id_seq AS integer;

CREATE SEQUENCE public.posts_id_seq AS integer;

CREATE SEQUENCE public.tags_id_seq AS integer;

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.post_count(a integer)
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$SELECT count(*) FROM public.posts WHERE author_id = a$function$;

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

CREATE VIEW public.author_stats AS
SELECT a.id,
    public.post_count(a.id) AS n
   FROM public.authors a;

CREATE VIEW public.published_posts AS
SELECT posts.id,
    posts.title,
    posts.created_at
   FROM public.posts
  WHERE (posts.state = 'published'::public.post_state);

COMMENT ON TABLE public.posts IS 'blog posts';

