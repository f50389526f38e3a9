-- Message bodies in a table of their own. A message's row is updated several times after it is stored (admission
-- names its sender and type, its status changes, the sealer links it into the message log), and H2 rewrites the
-- whole storage page holding a row on each update: with the 5–30 KB body inline, that was the body and its
-- neighbours' bodies every time. A body is written once, in the same transaction as its message's row, and never
-- updated. No foreign key: the two are written together and neither is ever deleted by the hub.
create table message_body (
    hub_id          varchar(36)   primary key,  -- message.hub_id
    body            bytea         not null      -- the original bytes; BINARY VARYING in H2
);
insert into message_body (hub_id, body) select hub_id, body from message;
alter table message drop column body;
