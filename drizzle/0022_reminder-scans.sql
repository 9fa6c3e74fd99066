-- The deadline-reminders job (every 15 minutes) ran the deadline engine on every live file at each run: 134 s at
-- a million files. A file's reminders change only with the day or with the file: the first run of a Paris day
-- reads every live file, the other runs of the day only the files changed since the previous run began (by their
-- updated_at). One row: the day of the last full scan and when the last run began.
CREATE TABLE "reminder_scans" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL CHECK ("id" = 1),
	"full_scan_on" date NOT NULL,
	"last_run_started_at" timestamp with time zone NOT NULL
);
