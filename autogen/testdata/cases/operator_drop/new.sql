CREATE TABLE ranges (lo integer NOT NULL, hi integer NOT NULL);
