CREATE DOMAIN pos AS integer CONSTRAINT pos_check CHECK ((VALUE > 0));
