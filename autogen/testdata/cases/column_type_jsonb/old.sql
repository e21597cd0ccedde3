CREATE TABLE t (id int PRIMARY KEY, doc json);
INSERT INTO t VALUES (1, '{"a": 1}');
