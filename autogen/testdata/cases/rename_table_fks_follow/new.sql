CREATE TABLE countries (id int PRIMARY KEY, name text);
CREATE TABLE clients (id int PRIMARY KEY, country_id int REFERENCES countries);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int CONSTRAINT orders_customer_id_fkey REFERENCES clients);
