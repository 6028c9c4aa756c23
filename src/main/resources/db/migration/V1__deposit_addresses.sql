-- Which user holds which deposit address, and the chains each address was issued for.
create table recovery.deposit_address (
    address       varchar(42)  primary key,   -- EIP-55 checksummed
    user_id       varchar(64)  not null,
    account_index integer      not null unique, -- HD account m/44'/60'/0'/0/{index}
    created_at    timestamp with time zone not null
);

create index deposit_address_user_idx on recovery.deposit_address (user_id);

create table recovery.deposit_address_chain (
    address varchar(42) not null references recovery.deposit_address (address),
    chain   varchar(40) not null,
    primary key (address, chain)
);
