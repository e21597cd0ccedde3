CREATE TABLE flags (id int PRIMARY KEY, f varbit(8), g varbit(8));
