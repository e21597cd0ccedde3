CREATE TABLE t (id int);
COMMENT ON TABLE t IS 'it''s here';
