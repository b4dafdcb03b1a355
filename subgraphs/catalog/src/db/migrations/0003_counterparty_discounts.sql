CREATE TABLE "catalog"."counterparty_discounts" (
	"tenant_id" text NOT NULL,
	"counterparty_id" text NOT NULL,
	"price_group" text NOT NULL,
	"percent_bp" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	CONSTRAINT "counterparty_discounts_tenant_id_counterparty_id_price_group_valid_from_pk" PRIMARY KEY("tenant_id","counterparty_id","price_group","valid_from")
);
