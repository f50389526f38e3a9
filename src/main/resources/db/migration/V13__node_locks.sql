-- Named locks for work that exactly one node may do at a time when several hubs share this database. A node holds
-- a lock by locking its row (select ... for update) for the length of one transaction; another node asking for it
-- waits until that transaction ends, then sees what the first one did.
--   bootstrap: first start — registering the bootstrap parties, the hub's key and the demo credentials.
create table node_lock (
    name            varchar(32)   primary key,
    held_by         varchar(64),             -- the node that last held it (host and process), for operators
    held_at         timestamp
);
insert into node_lock (name, held_by, held_at) values ('bootstrap', null, null);
