-- The case desk searches by customer, status, chain and addresses; TXID and customer already have indexes.
create index recovery_case_status_idx on recovery.recovery_case (status, created_at);
create index recovery_case_deposit_idx on recovery.recovery_case (deposit_address);
create index recovery_case_refund_idx on recovery.recovery_case (refund_address);
