-- One table goes from identity to serial, the other from serial to
-- identity.
CREATE TABLE a (id serial PRIMARY KEY, v text);
CREATE TABLE b (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
