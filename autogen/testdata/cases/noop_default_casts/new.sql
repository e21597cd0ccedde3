CREATE TABLE t (a int DEFAULT '0', b text DEFAULT 'x'::text, c numeric DEFAULT '1.5'::numeric, d int DEFAULT '-1'::integer);
