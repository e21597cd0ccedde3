CREATE TABLE events (id bigserial PRIMARY KEY, v text);
