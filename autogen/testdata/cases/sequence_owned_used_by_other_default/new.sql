-- The sequence is owned by one column and used by another column's
-- default: dropping the owner (in the downgrade) must not try to take the
-- sequence along while the other default still needs it.
CREATE SEQUENCE invoice_numbers AS integer START WITH 1000 MINVALUE 1000;
CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    number text NOT NULL DEFAULT 'INV-' || nextval('invoice_numbers')::text,
    seq integer NOT NULL DEFAULT nextval('invoice_numbers')
);
ALTER SEQUENCE invoice_numbers OWNED BY invoices.seq;
