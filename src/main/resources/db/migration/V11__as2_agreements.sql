-- AS2 (RFC 4130): one trading agreement per party — its AS2 name, the certificate it signs with (and the hub
-- encrypts to), where the hub delivers its replies, and what the party wants: signed, encrypted or compressed
-- messages, a synchronous or asynchronous MDN. Changes are audited in party_audit like every registry change.
create table as2_agreement (
    party_id        varchar(32)   primary key references party (party_id),
    as2_id          varchar(128)  not null unique, -- the party's AS2-From / AS2-To name
    certificate_pem varchar(8000) not null,        -- verifies its signatures; the hub encrypts to it (RSA)
    reply_url       varchar(500),                  -- the party's AS2 receiving URL; null: it takes no AS2 replies
    signed          boolean       default true not null,
    encrypted       boolean       default false not null,
    compressed      boolean       default false not null,
    mdn_mode        varchar(5)    default 'SYNC' not null, -- SYNC or ASYNC: how the hub asks for the party's MDN
    updated_at      timestamp     not null
);

-- Every AS2 Message-ID the hub has received, so a re-sent message is answered but never processed twice.
create table as2_received (
    as2_from        varchar(128)  not null,
    message_id      varchar(998)  not null,
    hub_id          varchar(36)   not null,
    received_at     timestamp     not null,
    primary key (as2_from, message_id)
);
