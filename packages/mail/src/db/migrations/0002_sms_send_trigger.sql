-- A new SMS row enqueues one graphile-worker job `sms_send` in the same transaction (5 attempts with
-- graphile-worker's exponential backoff). SECURITY DEFINER: the app role needs no privilege on the
-- queue's own schema (as the outbox triggers).
CREATE OR REPLACE FUNCTION "mail"."enqueue_sms_send"() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    'sms_send',
    json_build_object('tenantId', NEW.tenant_id, 'id', NEW.id),
    max_attempts := 5
  );
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "sms_send_enqueue" AFTER INSERT ON "mail"."sms_messages"
  FOR EACH ROW EXECUTE FUNCTION "mail"."enqueue_sms_send"();
