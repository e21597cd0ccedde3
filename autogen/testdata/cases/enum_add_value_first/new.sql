CREATE TYPE size AS ENUM ('xs', 's', 'm', 'l');
