CREATE TABLE acct (id int PRIMARY KEY, num text, region text, CONSTRAINT acct_num_key UNIQUE (num, region));
CREATE TABLE by_id (id int PRIMARY KEY, acct_id int REFERENCES acct);
CREATE TABLE by_num (id int PRIMARY KEY, num text);
