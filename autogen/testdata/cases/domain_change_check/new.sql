CREATE DOMAIN short_text AS text CONSTRAINT short_text_len CHECK (length(VALUE) <= 20);
