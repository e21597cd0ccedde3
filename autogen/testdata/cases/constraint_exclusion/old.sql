CREATE EXTENSION btree_gist;
CREATE TABLE bookings (id int PRIMARY KEY, room int, during tsrange);
