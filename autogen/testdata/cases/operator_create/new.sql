CREATE TABLE ranges (lo integer NOT NULL, hi integer NOT NULL);
CREATE FUNCTION shifted_below(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT (a << 1) < b $$;
CREATE FUNCTION shifted_above(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT a > (b << 1) $$;
CREATE OPERATOR ~<< (FUNCTION = shifted_below, LEFTARG = integer, RIGHTARG = integer,
    COMMUTATOR = ~>>, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR ~>> (FUNCTION = shifted_above, LEFTARG = integer, RIGHTARG = integer,
    COMMUTATOR = ~<<);
CREATE FUNCTION negated(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT -a $$;
CREATE OPERATOR public.-~ (FUNCTION = negated, RIGHTARG = integer);
COMMENT ON OPERATOR ~<< (integer, integer) IS 'left shifted once is below';
ALTER TABLE ranges ADD CONSTRAINT ordered CHECK (lo ~<< hi);
