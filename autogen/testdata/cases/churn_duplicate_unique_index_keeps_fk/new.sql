CREATE TABLE codes (code text CONSTRAINT codes_code_key UNIQUE, label text);
CREATE TABLE items (id int PRIMARY KEY, code text REFERENCES codes (code));
