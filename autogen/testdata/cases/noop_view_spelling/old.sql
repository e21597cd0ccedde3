CREATE TABLE t (id int, v int);
CREATE VIEW vv AS SELECT id, v FROM t WHERE v > 0;
