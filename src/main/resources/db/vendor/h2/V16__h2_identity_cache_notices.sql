-- H2 only: the notice table hands out identity values 1000 at a time like the others (V12 explains why).
ALTER TABLE hub_notice ALTER COLUMN id SET CACHE 1000;
