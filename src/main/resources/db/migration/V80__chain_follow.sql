-- One head follower per chain (follow.HeadFollower). The lease names the node that follows a chain; the node renews
-- it at every poll, and another node takes the chain over once it has expired (a few seconds after its holder died).
create table recovery.chain_lease (
    chain       varchar(40)  primary key,
    holder      varchar(120) not null,
    expires_at  timestamp with time zone not null,
    head        bigint       -- the last head the holder saw, for operators
);

-- The cases waiting for the chain, one row per waiting case: a deposit short of confirmations (or not yet known to
-- the node) or a refund whose transactions are not yet buried. The follower wakes a case once the head reaches
-- target_block; a row without one has transactions not yet mined, whose receipts the follower reads at each new
-- head, all cases of a chain in one batch.
create table recovery.chain_wait (
    case_id      varchar(36)  primary key,
    chain        varchar(40)  not null,
    kind         varchar(10)  not null,   -- DEPOSIT, REFUND
    tx_hash      varchar(66),             -- the deposit's TXID; a refund's transactions are in refund_transaction
    confirmations integer     not null,   -- the chain's, when the wait began
    target_block bigint,                  -- the head at which every transaction has its confirmations
    since        timestamp with time zone not null
);
create index chain_wait_due_idx on recovery.chain_wait (chain, target_block);
