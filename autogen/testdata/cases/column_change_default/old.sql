CREATE TABLE t (id int PRIMARY KEY, status text DEFAULT 'new', at timestamptz DEFAULT now());
