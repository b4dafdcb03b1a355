-- A new version of a tenant's definition enqueues one graphile-worker job `tenant_config` in the
-- same transaction (decision 0018). The queue is named per tenant, so one tenant's versions are
-- delivered one at a time; the job delivers only the latest version (an older job finds a newer
-- one and stops). SECURITY DEFINER: the app role needs no privilege on the queue's own schema.
CREATE OR REPLACE FUNCTION "identity"."enqueue_tenant_config"() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    'tenant_config',
    json_build_object('tenantId', NEW.tenant_id, 'version', NEW.version),
    queue_name := 'tenant_config:' || NEW.tenant_id,
    max_attempts := 20
  );
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "tenant_config_enqueue" AFTER INSERT ON "identity"."tenant_config_versions"
  FOR EACH ROW EXECUTE FUNCTION "identity"."enqueue_tenant_config"();
