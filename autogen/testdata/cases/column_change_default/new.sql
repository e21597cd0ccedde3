CREATE TABLE t (id int PRIMARY KEY, status text DEFAULT 'pending', at timestamptz DEFAULT (now() + interval '1 day'));
