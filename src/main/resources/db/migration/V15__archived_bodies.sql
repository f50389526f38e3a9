-- Retention: the bodies of old messages move out of the database into archive files (ZIP, in the archive directory).
-- The message's row stays, with its place in the tamper-evident log; this table says where its body went and keeps
-- the body's SHA-256, which the record hash covers, so that the log still verifies without the body at hand, and the
-- archive file is checked against it.
create table archived_body (
    hub_id          varchar(36)   primary key,  -- message.hub_id; its message_body row is deleted in the same transaction
    body_sha256     varchar(64)   not null,     -- SHA-256 (hex) of the body
    archive_file    varchar(120)  not null,     -- the file's name in the archive directory
    archived_at     timestamp     not null
);
create index archived_body_by_file on archived_body (archive_file);
--   archive: moving old bodies to archive files, one node at a time.
insert into node_lock (name, held_by, held_at) values ('archive', null, null);
