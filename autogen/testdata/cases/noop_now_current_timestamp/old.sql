CREATE TABLE t (id int, at timestamptz DEFAULT now(), at2 timestamptz DEFAULT transaction_timestamp());
