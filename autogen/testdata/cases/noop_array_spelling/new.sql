CREATE TABLE t (a integer[], b text[], c int[]);
