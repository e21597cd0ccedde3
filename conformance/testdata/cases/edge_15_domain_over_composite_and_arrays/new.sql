-- Types built on each other across schemas: a domain over a composite
-- that holds an enum from another schema, arrays of domains.
CREATE SCHEMA app;
CREATE TYPE app.unit AS ENUM ('g', 'kg');
CREATE TYPE public.amount AS (value numeric, unit app.unit);
CREATE DOMAIN app.positive_amount AS public.amount CHECK ((VALUE).value > 0);
CREATE DOMAIN public.short_text AS varchar(20) NOT NULL;
CREATE TABLE t (
    id integer PRIMARY KEY,
    weight app.positive_amount,
    labels public.short_text[],
    history public.amount[] DEFAULT '{}'
);
