CREATE EXTENSION btree_gist;
CREATE TABLE bookings (id int PRIMARY KEY, room int, during tsrange,
    CONSTRAINT no_double_booking EXCLUDE USING gist (room WITH =, during WITH &&));
