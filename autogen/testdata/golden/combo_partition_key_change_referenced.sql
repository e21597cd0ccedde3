-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_partition_key_change_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.last_readings;

ALTER TABLE public.readings DROP CONSTRAINT readings_device_fkey;

-- hazard access-exclusive-lock (rename-table): renaming public.readings to readings_migrate_old breaks queries that still use the old name
ALTER TABLE public.readings RENAME TO readings_migrate_old;

CREATE TABLE public.readings (
    device integer,
    at date NOT NULL,
    v numeric
) PARTITION BY HASH (device);

CREATE TABLE public.readings_h0 PARTITION OF public.readings FOR VALUES WITH (modulus 1, remainder 0);

-- hazard table-rewrite: every row of public.readings is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.readings (device, at, v)
SELECT device, at, v
FROM public.readings_migrate_old;

ALTER TABLE public.readings ADD CONSTRAINT readings_device_fkey FOREIGN KEY (device) REFERENCES public.devices(id);

CREATE VIEW public.last_readings AS
SELECT readings.device,
    max(readings.at) AS at
   FROM public.readings
  GROUP BY readings.device;

-- hazard data-loss (drop-table): dropping table public.readings_migrate_old deletes its rows
DROP TABLE public.readings_migrate_old;

-- migrate:downgrade
DROP VIEW public.last_readings;

ALTER TABLE public.readings DROP CONSTRAINT readings_device_fkey;

-- hazard access-exclusive-lock (rename-table): renaming public.readings to readings_migrate_old breaks queries that still use the old name
ALTER TABLE public.readings RENAME TO readings_migrate_old;

CREATE TABLE public.readings (
    device integer,
    at date NOT NULL,
    v numeric
) PARTITION BY RANGE (at);

CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- hazard table-rewrite: every row of public.readings is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.readings (device, at, v)
SELECT device, at, v
FROM public.readings_migrate_old;

ALTER TABLE public.readings ADD CONSTRAINT readings_device_fkey FOREIGN KEY (device) REFERENCES public.devices(id);

CREATE VIEW public.last_readings AS
SELECT readings.device,
    max(readings.at) AS at
   FROM public.readings
  GROUP BY readings.device;

-- hazard data-loss (drop-table): dropping table public.readings_migrate_old deletes its rows
DROP TABLE public.readings_migrate_old;

