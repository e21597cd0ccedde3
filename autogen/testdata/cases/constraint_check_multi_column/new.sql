CREATE TABLE ranges (id int PRIMARY KEY, lo int, hi int, CONSTRAINT lo_below_hi CHECK (lo < hi));
