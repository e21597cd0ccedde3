CREATE TABLE orgs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text);
CREATE TABLE members (id int PRIMARY KEY, org_id uuid REFERENCES orgs);
