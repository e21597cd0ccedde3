-- migrate:revision 2df8bd39d690
-- migrate:parents 526ed5498ba6
-- migrate:message index posts by status and date
-- migrate:created 2026-11-25T23:28:38Z
-- migrate:transaction false

-- migrate:upgrade
-- Written by hand on a branch (the example's models declare the same
-- index, so check stays clean): the front page lists posts of one status,
-- newest first. CONCURRENTLY keeps posts writable while the index builds
-- (migrate lint: require-concurrent-index), which needs the revision to run
-- outside a transaction.
CREATE INDEX CONCURRENTLY posts_status_created_at_idx ON public.posts (status, created_at DESC);

-- migrate:downgrade
DROP INDEX CONCURRENTLY public.posts_status_created_at_idx;
