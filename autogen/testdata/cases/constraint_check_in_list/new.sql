CREATE TABLE t (id int PRIMARY KEY, status varchar(10) CHECK (status IN ('open', 'closed')));
