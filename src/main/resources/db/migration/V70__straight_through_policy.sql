-- Straight-through recovery (policy.PolicyLedger): what the decision table decided for each case, and what an automatic
-- refund holds against the 24-hour caps.
--
-- One row that every policy decision locks (SELECT ... FOR UPDATE) before it reads the sums of the caps and reserves its
-- own amount, in the same transaction: racing decisions queue on it, so two cases never both fit under a cap that only
-- one of them fits under. A row lock, not a table lock, because H2 and PostgreSQL both hold it to the end of the transaction.
create table recovery.policy_cap_lock (
    id          integer primary key
);
insert into recovery.policy_cap_lock (id) values (1);

create table recovery.policy_decision (
    case_id        varchar(36)  primary key references recovery.recovery_case (id),
    customer_id    varchar(64)  not null,
    -- off | dry-run | on: the mode the decision was taken in
    mode           varchar(10)  not null,
    -- AUTO_APPROVE | REVIEW | REJECT, as the table said; route is where the case went (AUTO_APPROVE or REVIEW)
    decision       varchar(20)  not null,
    route          varchar(20)  not null,
    rule           varchar(80),
    reason_code    varchar(40),
    table_version  integer,
    -- why the route differs from the decision (dual approval, dry run), for the desk and the timeline
    note           varchar(300),
    decided_at     timestamp with time zone not null,
    -- the value held against the caps while the automatic refund is under way or paid; NULL when nothing was reserved
    reserved_usd   numeric(30, 8),
    -- set when the case ended without payment, which gives the amount back to the caps
    released_at    timestamp with time zone
);

create index policy_decision_reserved_idx on recovery.policy_decision (decided_at, customer_id);
