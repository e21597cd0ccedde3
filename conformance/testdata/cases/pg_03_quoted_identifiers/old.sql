CREATE TABLE "user" (
    "ID" bigint PRIMARY KEY,
    "Display Name" text NOT NULL
);
