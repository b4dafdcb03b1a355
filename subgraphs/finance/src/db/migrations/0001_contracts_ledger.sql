CREATE TABLE "finance"."act_requests" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"company_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "act_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "finance"."bonus_entries" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"company_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_number" text NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bonus_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "finance"."contracts" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"company_id" text NOT NULL,
	"counterparty_id" text,
	"number" text NOT NULL,
	"signed_on" date NOT NULL,
	"payment_terms" text NOT NULL,
	"deferral_days" integer DEFAULT 0 NOT NULL,
	"credit_limit" bigint,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "finance"."document_numbers" (
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"type_code" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"external_id" text NOT NULL,
	CONSTRAINT "document_numbers_tenant_id_order_id_type_code_pk" PRIMARY KEY("tenant_id","order_id","type_code")
);
--> statement-breakpoint
CREATE TABLE "finance"."invoices" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"contract_id" text,
	"company_id" text NOT NULL,
	"number" text NOT NULL,
	"order_id" text,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "finance"."payments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"contract_id" text NOT NULL,
	"company_id" text NOT NULL,
	"invoice_id" text,
	"document_number" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "finance"."shipments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"contract_id" text NOT NULL,
	"company_id" text NOT NULL,
	"number" text NOT NULL,
	"shipped_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"order_id" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "finance"."tenant_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"seller" jsonb NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"prices_include_vat" boolean NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"act_request_interval_hours" integer,
	"invoice_validity_days" integer DEFAULT 5 NOT NULL,
	"bonus_rule" jsonb
);
--> statement-breakpoint
ALTER TABLE "finance"."act_requests" ADD CONSTRAINT "act_requests_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "finance"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."invoices" ADD CONSTRAINT "invoices_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "finance"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."payments" ADD CONSTRAINT "payments_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "finance"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."payments" ADD CONSTRAINT "payments_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "finance"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance"."shipments" ADD CONSTRAINT "shipments_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "finance"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "act_requests_company_idx" ON "finance"."act_requests" USING btree ("tenant_id","company_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bonus_entries_order_uq" ON "finance"."bonus_entries" USING btree ("tenant_id","order_id","reason");--> statement-breakpoint
CREATE INDEX "bonus_entries_company_idx" ON "finance"."bonus_entries" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_number_uq" ON "finance"."contracts" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "contracts_company_idx" ON "finance"."contracts" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_numbers_external_uq" ON "finance"."document_numbers" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_uq" ON "finance"."invoices" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_order_uq" ON "finance"."invoices" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_external_uq" ON "finance"."invoices" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "invoices_company_idx" ON "finance"."invoices" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_external_uq" ON "finance"."payments" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "payments_contract_idx" ON "finance"."payments" USING btree ("tenant_id","contract_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_external_uq" ON "finance"."shipments" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "shipments_contract_idx" ON "finance"."shipments" USING btree ("tenant_id","contract_id","shipped_on");