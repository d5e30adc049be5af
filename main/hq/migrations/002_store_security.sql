-- PostgreSQL does the security: each store logs in as its own role (member of yima_store), and
-- row-level security lets it insert and read only its own rows. The dashboard connects as the
-- owner of these tables, which RLS does not restrict.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yima_store') THEN
    CREATE ROLE yima_store NOLOGIN;
  END IF;
END
$$;

-- The store of the role that logged in. session_user, not current_user: inside this
-- SECURITY DEFINER function current_user is the owner.
CREATE FUNCTION current_store() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT store_id FROM stores WHERE role_name = session_user
$$;

GRANT USAGE ON SCHEMA public TO yima_store;
GRANT EXECUTE ON FUNCTION current_store() TO yima_store;
GRANT SELECT ON stores TO yima_store;
GRANT SELECT, INSERT ON journal_records TO yima_store;
GRANT SELECT, INSERT, UPDATE ON terminal_status TO yima_store;
GRANT SELECT ON payments, refunds, takings_hourly TO yima_store;
REVOKE ALL ON hq_users FROM PUBLIC;

ALTER TABLE stores ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE terminal_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE takings_hourly ENABLE ROW LEVEL SECURITY;

-- (SELECT current_store()) is evaluated once per statement, not once per row.
CREATE POLICY own_store ON stores TO yima_store USING (store_id = (SELECT current_store()));
CREATE POLICY own_store ON journal_records TO yima_store
  USING (store_id = (SELECT current_store())) WITH CHECK (store_id = (SELECT current_store()));
CREATE POLICY own_store ON terminal_status TO yima_store
  USING (store_id = (SELECT current_store())) WITH CHECK (store_id = (SELECT current_store()));
CREATE POLICY own_store ON payments TO yima_store USING (store_id = (SELECT current_store()));
CREATE POLICY own_store ON refunds TO yima_store USING (store_id = (SELECT current_store()));
CREATE POLICY own_store ON takings_hourly TO yima_store USING (store_id = (SELECT current_store()));
