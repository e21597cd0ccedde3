CREATE TABLE base (id int, status text DEFAULT 'new');
CREATE TABLE child (extra text, status text DEFAULT 'child-new') INHERITS (base);
