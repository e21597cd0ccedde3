CREATE TABLE t (id int, v int);
CREATE VIEW vv AS
  select t.id, t.v
  from public.t
  where (t.v > 0);
