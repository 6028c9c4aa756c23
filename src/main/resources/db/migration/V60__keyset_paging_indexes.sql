-- Lists page by keyset on (created_at, id), the newest first: each list's filter, then that order, in one index,
-- so a page reads its rows and stops, however many cases the filter matches.
drop index recovery.recovery_case_customer_idx;
create index recovery_case_customer_page_idx on recovery.recovery_case (customer_id, created_at desc, id desc);
drop index recovery.recovery_case_status_idx;
create index recovery_case_status_page_idx on recovery.recovery_case (status, created_at desc, id desc);
-- the desk's list without a filter
create index recovery_case_page_idx on recovery.recovery_case (created_at desc, id desc);
-- the desk finds a TXID on any chain; (chain, tx_hash) serves only a search that names the chain
create index recovery_case_tx_hash_idx on recovery.recovery_case (tx_hash);
