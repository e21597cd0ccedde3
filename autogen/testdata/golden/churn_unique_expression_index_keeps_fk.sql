-- migrate:revision 0a1b2c3d4e5f
-- migrate:message churn_unique_expression_index_keeps_fk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.users_email_lower;

-- migrate:downgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index users_email_lower is built without CONCURRENTLY: writes to public.users block until it is done
CREATE UNIQUE INDEX users_email_lower ON public.users USING btree (lower(email));

