CREATE TABLE t (id int PRIMARY KEY, tags varchar(20)[]);
INSERT INTO t VALUES (1, '{a,b}');
