-- A renamed table's own foreign keys and the ones pointing at it follow:
-- implicit names are renamed, nothing is dropped and validated again.
CREATE TABLE countries (id int PRIMARY KEY, name text);
CREATE TABLE customers (id int PRIMARY KEY, country_id int REFERENCES countries);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers);
INSERT INTO countries VALUES (1, 'fr');
INSERT INTO customers VALUES (1, 1), (2, 1);
INSERT INTO orders VALUES (1, 1), (2, 2);
