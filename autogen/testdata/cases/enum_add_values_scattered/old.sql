CREATE TYPE weekday AS ENUM ('tue', 'thu');
