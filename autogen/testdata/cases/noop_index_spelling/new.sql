CREATE TABLE t (a int, b text);
CREATE INDEX t_a_idx ON public.t USING btree (a ASC);
CREATE INDEX t_b_idx ON t USING btree (lower(b)) WHERE a > 0;
