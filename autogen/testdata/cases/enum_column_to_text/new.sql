CREATE TABLE tickets (id int PRIMARY KEY, state text NOT NULL DEFAULT 'open');
