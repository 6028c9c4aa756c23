-- The outbox carries webhooks to the exchange's notification service beside e-mails: one row per message and
-- endpoint, sent after commit with the same retries. For a webhook, recipient is the endpoint's URL, subject the
-- event type and body the JSON that is signed and posted.
alter table recovery.notification_outbox add column channel varchar(16) default 'EMAIL' not null;
alter table recovery.notification_outbox alter column recipient set data type varchar(2000);
