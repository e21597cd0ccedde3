-- Reserved words, capitals, spaces and quotes in every kind of name.
CREATE TYPE "Mood" AS ENUM ('happy', 'it''s ok', 'Sad Face', '');
CREATE DOMAIN "Positive Int" AS integer CHECK (VALUE > 0);
CREATE TABLE "user" (
    "ID" bigint PRIMARY KEY,
    "Display Name" text NOT NULL,
    "order" integer,
    "group" "Mood" DEFAULT 'it''s ok',
    "weird""quote" "Positive Int",
    CONSTRAINT "User Name Unique" UNIQUE ("Display Name")
);
CREATE TABLE "Order" (
    "Id" serial PRIMARY KEY,
    "select" bigint REFERENCES "user" ("ID") ON DELETE CASCADE,
    "from" timestamptz DEFAULT now(),
    CONSTRAINT "Order Check" CHECK ("from" > '2000-01-01')
);
CREATE INDEX "Order Select Idx" ON "Order" ("select", "from" DESC);
CREATE VIEW "User Orders" AS
    SELECT u."Display Name", o."Id" AS "Order Id" FROM "user" u JOIN "Order" o ON o."select" = u."ID";
CREATE FUNCTION "Count Orders"("For User" bigint) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM "Order" WHERE "select" = "For User" $$;
COMMENT ON TABLE "user" IS 'a table named after a reserved word';
COMMENT ON COLUMN "user"."weird""quote" IS 'it''s got a quote';
