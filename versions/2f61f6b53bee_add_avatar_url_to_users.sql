-- migrate:revision 2f61f6b53bee
-- migrate:parents 526ed5498ba6
-- migrate:message add avatar_url to users
-- migrate:created 2026-11-25T23:28:37Z

-- migrate:upgrade
ALTER TABLE public.users ADD COLUMN avatar_url character varying(500);

-- migrate:downgrade
-- hazard data-loss: dropping column public.users.avatar_url deletes its data
ALTER TABLE public.users DROP COLUMN avatar_url;
