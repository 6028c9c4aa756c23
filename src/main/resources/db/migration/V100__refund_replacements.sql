-- Stuck refund transactions are replaced: re-signed at the same nonce with a higher fee. A nonce of a sender
-- then holds a set of transactions (attempt 0 the original, 1.. its replacements), of which the chain mines at
-- most one; the others end NOT_MINED. Every attempt is still stored signed before it is broadcast.
alter table recovery.refund_transaction add column attempt int default 0 not null;
-- the tip of an EIP-1559 transaction (null for legacy), so a replacement can raise it by the nodes' minimum
alter table recovery.refund_transaction add column max_priority_fee_per_gas numeric(78, 0);
-- the head block at which the check first saw this attempt unmined: replace-after-blocks counts from here
alter table recovery.refund_transaction add column pending_since_block bigint;
-- when the chain's max-fee stopped the raising (the wallet team was told once, an incident is open)
alter table recovery.refund_transaction add column fee_capped_at timestamp with time zone;

alter table recovery.refund_transaction drop constraint refund_transaction_purpose;
alter table recovery.refund_transaction drop constraint refund_transaction_nonce;
-- one transaction per purpose, nonce and attempt of a case: a second signer (retry, race, restart) adds nothing
alter table recovery.refund_transaction add constraint refund_transaction_purpose unique (case_id, purpose, nonce, attempt);
-- and never two transactions for one attempt at one nonce of one sender
alter table recovery.refund_transaction add constraint refund_transaction_nonce unique (chain, from_address, nonce, attempt);
