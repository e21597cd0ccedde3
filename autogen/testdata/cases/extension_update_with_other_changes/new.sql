CREATE EXTENSION cube VERSION '1.5';
CREATE TABLE points (id int, p cube, label text);
CREATE INDEX points_p ON points USING gist (p);
