CREATE TABLE "catalog"."nomenclature_subscriptions" (
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"company_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_mailed_on" date,
	CONSTRAINT "nomenclature_subscriptions_tenant_id_user_id_company_id_pk" PRIMARY KEY("tenant_id","user_id","company_id")
);
