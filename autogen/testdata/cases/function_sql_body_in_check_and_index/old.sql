CREATE TABLE workspaces (
    id bigint PRIMARY KEY,
    slug text NOT NULL,
    name text NOT NULL
);
