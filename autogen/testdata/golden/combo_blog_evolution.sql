-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_blog_evolution
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.published_posts;

ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.posts_author_idx;

CREATE TYPE public.post_state AS ENUM ('draft', 'published', 'archived');

CREATE SEQUENCE public.tags_id_seq AS integer;

CREATE TABLE public.post_tags (
    post_id integer NOT NULL,
    tag_id integer NOT NULL,
    CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id)
);

CREATE TABLE public.tags (
    id integer DEFAULT nextval('public.tags_id_seq'::regclass) NOT NULL,
    name text NOT NULL,
    CONSTRAINT tags_name_key UNIQUE (name),
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);

ALTER TABLE public.authors ADD COLUMN email text;

-- hazard data-loss (drop-column): dropping column public.posts.published deletes its data
ALTER TABLE public.posts DROP COLUMN published;

-- hazard access-exclusive-lock (change-column-type): changing the type of public.posts.title takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.posts ALTER COLUMN title TYPE character varying(200);

ALTER TABLE public.posts ADD COLUMN state public.post_state DEFAULT 'draft'::public.post_state NOT NULL;

ALTER TABLE public.posts ADD COLUMN created_at timestamp with time zone DEFAULT now() NOT NULL;

ALTER SEQUENCE public.tags_id_seq OWNED BY public.tags.id;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of authors_email_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.authors
ALTER TABLE public.authors ADD CONSTRAINT authors_email_key UNIQUE (email);

-- hazard index-build-blocks-writes (require-concurrent-index): index posts_author_idx is built without CONCURRENTLY: writes to public.posts block until it is done
CREATE INDEX posts_author_idx ON public.posts USING btree (author_id, created_at DESC);

ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE;

ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES public.tags(id);

-- hazard full-scan (foreign-key-not-valid): validating posts_author_id_fkey scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id) ON DELETE CASCADE;

CREATE VIEW public.published_posts AS
SELECT posts.id,
    posts.title,
    posts.created_at
   FROM public.posts
  WHERE (posts.state = 'published'::public.post_state);

COMMENT ON TABLE public.posts IS 'blog posts';

-- migrate:downgrade
DROP VIEW public.published_posts;

ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey;

ALTER TABLE public.authors DROP CONSTRAINT authors_email_key;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.posts_author_idx;

-- hazard data-loss (drop-table): dropping table public.post_tags deletes its rows
DROP TABLE public.post_tags;

-- hazard data-loss (drop-table): dropping table public.tags deletes its rows
DROP TABLE public.tags;

-- hazard data-loss (drop-column): dropping column public.authors.email deletes its data
ALTER TABLE public.authors DROP COLUMN email;

-- hazard data-loss (drop-column): dropping column public.posts.state deletes its data
ALTER TABLE public.posts DROP COLUMN state;

-- hazard data-loss (drop-column): dropping column public.posts.created_at deletes its data
ALTER TABLE public.posts DROP COLUMN created_at;

-- hazard table-rewrite (change-column-type): changing the type of public.posts.title from character varying(200) to character varying(100) rewrites public.posts and its indexes
-- hazard unsafe-cast: converting public.posts.title from character varying(200) to character varying(100) fails if a value is longer than 100 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.posts ALTER COLUMN title TYPE character varying(100);

ALTER TABLE public.posts ADD COLUMN published boolean DEFAULT false NOT NULL;

-- hazard index-build-blocks-writes (require-concurrent-index): index posts_author_idx is built without CONCURRENTLY: writes to public.posts block until it is done
CREATE INDEX posts_author_idx ON public.posts USING btree (author_id);

-- hazard full-scan (foreign-key-not-valid): validating posts_author_id_fkey scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id);

CREATE VIEW public.published_posts AS
SELECT posts.id,
    posts.title
   FROM public.posts
  WHERE posts.published;

COMMENT ON TABLE public.posts IS NULL;

DROP TYPE public.post_state;

