-- The desk finds a case by any of its addresses; deposit and refund address have indexes (V7), the verified sender
-- had none. Addresses are stored in their EIP-55 form, so these plain indexes serve a search in any letter case.
create index recovery_case_from_idx on recovery.recovery_case (fact_from);
