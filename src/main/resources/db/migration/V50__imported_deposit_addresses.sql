-- Deposit addresses the exchange's deposit system imports need not come from Recovery Desk's HD seed: the
-- exchange's custody knows their keys. Their account index is unknown, so it may be empty; the unique key still
-- keeps one address per HD account where one is given (NULLs never collide, on H2 and PostgreSQL alike).
alter table recovery.deposit_address alter column account_index drop not null;
