CREATE TABLE samples (id bigint PRIMARY KEY);
