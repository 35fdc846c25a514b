-- H2 only: the exchange tables hand out identity values 1000 at a time like the others (V12 explains why).
ALTER TABLE hub_exchange ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_exchange_event ALTER COLUMN id SET CACHE 1000;
