-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_expression
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index users_lower_email_idx is built without CONCURRENTLY: writes to public.users block until it is done
CREATE UNIQUE INDEX users_lower_email_idx ON public.users USING btree (lower(email));

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.users_lower_email_idx;

