-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_fk_column_type_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.posts.user_id from integer to bigint rewrites public.posts and its indexes
ALTER TABLE public.posts ALTER COLUMN user_id TYPE bigint;

-- hazard table-rewrite (change-column-type): changing the type of public.users.id from integer to bigint rewrites public.users and its indexes
ALTER TABLE public.users ALTER COLUMN id TYPE bigint;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.posts.user_id from bigint to integer rewrites public.posts and its indexes
-- hazard unsafe-cast: converting public.posts.user_id from bigint to integer fails if a value does not convert
ALTER TABLE public.posts ALTER COLUMN user_id TYPE integer;

-- hazard table-rewrite (change-column-type): changing the type of public.users.id from bigint to integer rewrites public.users and its indexes
-- hazard unsafe-cast: converting public.users.id from bigint to integer fails if a value does not convert
ALTER TABLE public.users ALTER COLUMN id TYPE integer;

