-- migrate:revision ce8cd26704c9
-- migrate:parents 2f61f6b53bee 2df8bd39d690
-- migrate:message merge avatar_url and the posts status index
-- migrate:created 2026-11-25T23:28:42Z

-- migrate:upgrade

-- migrate:downgrade

