-- refund-to: sender: the user names no refund address; the case takes the verified sender once it is known.
alter table recovery.recovery_case alter column refund_address drop not null;
-- Whether the verified sender is a contract (eth_getCode not empty): then a specialist confirms a refund there reaches the user.
alter table recovery.recovery_case add column fact_sender_contract boolean;
