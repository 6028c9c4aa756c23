-- Retention: the purge and the export find finished cases by when they last changed; the purge deletes a case's
-- notifications by case (its timeline and refund transactions already lead with case_id in an index).
create index recovery_case_updated_idx on recovery.recovery_case (updated_at);
create index notification_outbox_case_idx on recovery.notification_outbox (case_id);
