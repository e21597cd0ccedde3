-- identity -> bigserial (and a type change): the new sequence is created
-- aside, set to the identity's last value, and takes its name once the
-- identity is dropped.
CREATE TABLE events (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
INSERT INTO events (v) VALUES ('a'), ('b');
