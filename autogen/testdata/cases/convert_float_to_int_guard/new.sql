CREATE TABLE m (id int PRIMARY KEY, q integer, n bigint);
