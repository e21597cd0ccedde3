CREATE PROCEDURE p(x int) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'value %', x; END $$;
