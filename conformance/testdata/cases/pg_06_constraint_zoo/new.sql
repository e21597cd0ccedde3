-- Foreign keys with MATCH FULL, SET DEFAULT, SET NULL of some columns,
-- references to a unique constraint; checks NOT VALID and NO INHERIT;
-- deferrable keys.
CREATE TABLE regions (id integer PRIMARY KEY, code text NOT NULL UNIQUE, parent_id integer);
ALTER TABLE regions ADD CONSTRAINT regions_parent_fkey FOREIGN KEY (parent_id) REFERENCES regions (id) DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE regions ADD CONSTRAINT regions_id_code_key UNIQUE (id, code);
CREATE TABLE shops (
    id integer PRIMARY KEY,
    region_id integer DEFAULT 0,
    region_code text,
    manager_id integer,
    opened date,
    closed date,
    CONSTRAINT shops_region_fkey FOREIGN KEY (region_id) REFERENCES regions ON DELETE SET DEFAULT ON UPDATE CASCADE,
    CONSTRAINT shops_region_code_fkey FOREIGN KEY (region_id, region_code) REFERENCES regions (id, code) MATCH FULL ON DELETE SET NULL (region_code),
    CONSTRAINT shops_dates_check CHECK (closed IS NULL OR closed >= opened) NO INHERIT,
    CONSTRAINT shops_manager_positive CHECK (manager_id > 0) NOT VALID
);
ALTER TABLE shops ADD CONSTRAINT shops_manager_fkey FOREIGN KEY (manager_id) REFERENCES shops (id) NOT VALID;
