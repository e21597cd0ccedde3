CREATE TABLE parent (code text CONSTRAINT parent_code_key UNIQUE NULLS NOT DISTINCT);
CREATE TABLE child (code text CONSTRAINT child_code_fkey REFERENCES parent (code));
