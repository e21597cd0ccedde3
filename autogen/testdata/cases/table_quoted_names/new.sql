CREATE TABLE "Order" ("Id" int PRIMARY KEY, "select" text, "user" text, "weird ""name""" int);
