-- Message bodies deflated where that makes them smaller (store/StoredBody): XML and EDIFACT shrink to a fifth or less,
-- so the store writes and holds that much less per message. Bodies stored before stay as they are (false).
alter table message_body add column compressed boolean default false not null;
