CREATE DOMAIN pos AS integer CHECK (VALUE > 0);
CREATE DOMAIN small_pos AS pos CHECK (VALUE < 100);
CREATE TABLE t (n small_pos);
