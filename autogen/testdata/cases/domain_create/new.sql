CREATE DOMAIN us_postal AS text CHECK (VALUE ~ '^\d{5}$');
