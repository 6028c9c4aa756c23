-- The USD price a case's fee was charged at: where it came from (a feed's address, the static figure of chains.yml,
-- or the specialist's valuation), its value, and the feed's round and time.
alter table recovery.recovery_case add column price_source varchar(20);
alter table recovery.recovery_case add column price_feed_chain varchar(64);
alter table recovery.recovery_case add column price_feed varchar(42);
alter table recovery.recovery_case add column price_usd numeric(38, 18);
alter table recovery.recovery_case add column price_round numeric(30, 0);
alter table recovery.recovery_case add column price_at timestamp with time zone;
