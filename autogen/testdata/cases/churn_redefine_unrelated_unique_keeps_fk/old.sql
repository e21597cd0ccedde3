-- A unique constraint redefined on a referenced table: only the foreign
-- key checked against it is dropped and added again.
CREATE TABLE acct (id int PRIMARY KEY, num text, region text, CONSTRAINT acct_num_key UNIQUE (num));
CREATE TABLE by_id (id int PRIMARY KEY, acct_id int REFERENCES acct);
CREATE TABLE by_num (id int PRIMARY KEY, num text REFERENCES acct (num));
INSERT INTO acct VALUES (1, 'n1', 'eu');
INSERT INTO by_id VALUES (1, 1);
INSERT INTO by_num VALUES (1, 'n1');
