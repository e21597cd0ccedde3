CREATE TABLE tickets (id int PRIMARY KEY, seat smallint NOT NULL, ref bigint);
