CREATE TABLE "lock_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"idle_minutes" smallint DEFAULT 10 NOT NULL,
	"pin_hash" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lock_settings_idle_range" CHECK ("lock_settings"."idle_minutes" between 5 and 15)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lock_settings" ADD CONSTRAINT "lock_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;