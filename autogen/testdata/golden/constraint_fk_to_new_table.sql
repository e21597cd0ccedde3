-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_fk_to_new_table
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.authors (
    id integer NOT NULL,
    name text,
    CONSTRAINT authors_pkey PRIMARY KEY (id)
);

-- hazard full-scan (foreign-key-not-valid): validating posts_author_id_fkey scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id);

-- migrate:downgrade
ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey;

-- hazard data-loss (drop-table): dropping table public.authors deletes its rows
DROP TABLE public.authors;

