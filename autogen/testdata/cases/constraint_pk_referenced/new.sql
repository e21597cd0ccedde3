CREATE TABLE parent (a int NOT NULL, b int NOT NULL, CONSTRAINT parent_pkey PRIMARY KEY (a), CONSTRAINT parent_a_b_key UNIQUE (a, b));
CREATE TABLE child (id int PRIMARY KEY, a int, b int, CONSTRAINT child_a_fkey FOREIGN KEY (a, b) REFERENCES parent (a, b));
