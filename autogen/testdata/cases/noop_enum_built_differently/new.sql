CREATE TYPE level AS ENUM ('low', 'high');
ALTER TYPE level ADD VALUE 'medium' BEFORE 'high';
