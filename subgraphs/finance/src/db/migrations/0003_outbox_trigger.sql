-- Every outbox row enqueues a graphile-worker job in the same transaction, so the event and the
-- job commit (or roll back) with the invoice or payment. SECURITY DEFINER: the app role may insert
-- into the outbox without any privilege on the queue's own schema.
CREATE OR REPLACE FUNCTION "finance"."enqueue_outbox"() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM graphile_worker.add_job('outbox', json_build_object('schema', TG_TABLE_SCHEMA, 'tenantId', NEW.tenant_id, 'id', NEW.id));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_enqueue" AFTER INSERT ON "finance"."outbox"
  FOR EACH ROW EXECUTE FUNCTION "finance"."enqueue_outbox"();
