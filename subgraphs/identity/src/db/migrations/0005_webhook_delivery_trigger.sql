-- A new delivery row, or a manual redelivery (generation bumped), enqueues one graphile-worker job
-- `webhook_delivery` in the same transaction; graphile-worker retries it with its exponential
-- backoff up to the row's max_attempts. SECURITY DEFINER: the app role needs no privilege on the
-- queue's own schema (as the outbox triggers).
CREATE OR REPLACE FUNCTION "identity"."enqueue_webhook_delivery"() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.generation <> OLD.generation THEN
    PERFORM graphile_worker.add_job(
      'webhook_delivery',
      json_build_object('tenantId', NEW.tenant_id, 'id', NEW.id, 'generation', NEW.generation),
      max_attempts := NEW.max_attempts
    );
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "webhook_delivery_enqueue" AFTER INSERT OR UPDATE OF "generation" ON "identity"."webhook_deliveries"
  FOR EACH ROW EXECUTE FUNCTION "identity"."enqueue_webhook_delivery"();
