CREATE TABLE named (name text);
CREATE TABLE dated (created date);
CREATE TABLE doc (body text) INHERITS (named, dated);
