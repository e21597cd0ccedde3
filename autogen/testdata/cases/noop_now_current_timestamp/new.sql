CREATE TABLE t (id int, at timestamptz DEFAULT CURRENT_TIMESTAMP, at2 timestamptz DEFAULT current_timestamp);
