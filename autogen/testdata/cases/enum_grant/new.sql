CREATE TYPE mood AS ENUM ('sad', 'happy');
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO app_reader;
