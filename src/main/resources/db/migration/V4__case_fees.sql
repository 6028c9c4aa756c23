-- The fee a case is charged, computed by the same calculator as the public quote.
alter table recovery.recovery_case add column fee_amount numeric(78, 0);
alter table recovery.recovery_case add column fee_usd numeric(38, 18);
alter table recovery.recovery_case add column value_usd numeric(38, 18);
alter table recovery.recovery_case add column fee_rule varchar(300);
