CREATE TYPE level AS ENUM ('low', 'medium', 'high');
