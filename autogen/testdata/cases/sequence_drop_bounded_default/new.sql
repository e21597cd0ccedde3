CREATE TABLE batches (id int PRIMARY KEY, no bigint);
