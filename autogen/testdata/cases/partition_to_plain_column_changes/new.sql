CREATE TABLE clicks (id bigint NOT NULL, at date NOT NULL, ref text, source text DEFAULT 'web');
