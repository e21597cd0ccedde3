CREATE DOMAIN email AS text CONSTRAINT email_at CHECK (VALUE LIKE '%@%');
COMMENT ON DOMAIN email IS 'an address';
COMMENT ON CONSTRAINT email_at ON DOMAIN email IS 'needs an at sign';
