-- What a mined refund transaction cost its sender, from its receipt: the case reports gas used, native coin spent
-- and left behind on the deposit address, and the dust sweep returns only what the case's own top-ups left.
alter table recovery.refund_transaction add column gas_used numeric(78, 0);
alter table recovery.refund_transaction add column effective_gas_price numeric(78, 0);
