-- The language a customer reads, remembered from Accept-Language when they file a case or reply,
-- so the e-mails that reach them later (outside any request) are written in it. A BCP 47 tag: en, zh-CN, es.
create table recovery.customer_language (
    customer_id varchar(100) primary key,
    language    varchar(35)  not null,
    updated_at  timestamp with time zone not null
);
