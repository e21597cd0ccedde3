-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_exclusion
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes: the index of no_double_booking is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.bookings
ALTER TABLE public.bookings ADD CONSTRAINT no_double_booking EXCLUDE USING gist (room WITH =, during WITH &&);

-- migrate:downgrade
ALTER TABLE public.bookings DROP CONSTRAINT no_double_booking;

