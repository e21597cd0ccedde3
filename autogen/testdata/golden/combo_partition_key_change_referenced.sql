-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_partition_key_change_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.last_readings;

-- hazard data-loss (drop-table): dropping table public.readings_2024 deletes its rows
DROP TABLE public.readings_2024;

-- hazard data-loss (drop-table): dropping table public.readings deletes its rows
DROP TABLE public.readings;

CREATE TABLE public.readings (
    device integer,
    at date NOT NULL,
    v numeric
) PARTITION BY HASH (device);

CREATE TABLE public.readings_h0 PARTITION OF public.readings FOR VALUES WITH (modulus 1, remainder 0);

ALTER TABLE public.readings ADD CONSTRAINT readings_device_fkey FOREIGN KEY (device) REFERENCES public.devices(id);

CREATE VIEW public.last_readings AS
SELECT readings.device,
    max(readings.at) AS at
   FROM public.readings
  GROUP BY readings.device;

-- migrate:downgrade
DROP VIEW public.last_readings;

-- hazard data-loss (drop-table): dropping table public.readings_h0 deletes its rows
DROP TABLE public.readings_h0;

-- hazard data-loss (drop-table): dropping table public.readings deletes its rows
DROP TABLE public.readings;

CREATE TABLE public.readings (
    device integer,
    at date NOT NULL,
    v numeric
) PARTITION BY RANGE (at);

CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

ALTER TABLE public.readings ADD CONSTRAINT readings_device_fkey FOREIGN KEY (device) REFERENCES public.devices(id);

CREATE VIEW public.last_readings AS
SELECT readings.device,
    max(readings.at) AS at
   FROM public.readings
  GROUP BY readings.device;

