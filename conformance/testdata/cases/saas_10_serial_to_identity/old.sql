CREATE TABLE invoices (
    id serial PRIMARY KEY,
    number text NOT NULL
);
CREATE TABLE invoice_lines (
    id bigserial PRIMARY KEY,
    invoice_id integer NOT NULL REFERENCES invoices (id),
    amount numeric(10,2) NOT NULL
);
