-- Every outbox row enqueues a graphile-worker `outbox` job in the same transaction, at run_at
-- (now when null): a reservation's expiry is scheduled by the queue itself, committed or rolled
-- back with the reservation. SECURITY DEFINER: the app role may insert into the outbox without
-- any privilege on the queue's own schema.
CREATE OR REPLACE FUNCTION "inventory"."enqueue_outbox"() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    'outbox',
    json_build_object('schema', TG_TABLE_SCHEMA, 'tenantId', NEW.tenant_id, 'id', NEW.id),
    run_at := coalesce(NEW.run_at, now())
  );
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_enqueue" AFTER INSERT ON "inventory"."outbox"
  FOR EACH ROW EXECUTE FUNCTION "inventory"."enqueue_outbox"();
