CREATE TABLE "catalog"."promotion_images" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_images_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
