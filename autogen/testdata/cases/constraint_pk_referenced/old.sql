CREATE TABLE parent (a int NOT NULL, b int NOT NULL, CONSTRAINT parent_pkey PRIMARY KEY (a));
CREATE TABLE child (id int PRIMARY KEY, a int REFERENCES parent (a));
