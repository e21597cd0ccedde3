CREATE TABLE base (id int, status text DEFAULT 'new');
CREATE TABLE child (extra text) INHERITS (base);
