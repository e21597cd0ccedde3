-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_and_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.measurements ADD COLUMN sensor integer;

-- hazard full-scan (check-not-valid): validating measurements_v_check scans every row of public.measurements while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.measurements ADD CONSTRAINT measurements_v_check CHECK ((v >= (0)::numeric));

-- hazard full-scan (foreign-key-not-valid): validating measurements_sensor_fkey scans every row of public.measurements while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.measurements ADD CONSTRAINT measurements_sensor_fkey FOREIGN KEY (sensor) REFERENCES public.sensors(id);

-- migrate:downgrade
ALTER TABLE public.measurements DROP CONSTRAINT measurements_sensor_fkey;

ALTER TABLE public.measurements DROP CONSTRAINT measurements_v_check;

-- hazard data-loss (drop-column): dropping column public.measurements.sensor deletes its data
ALTER TABLE public.measurements DROP COLUMN sensor;

