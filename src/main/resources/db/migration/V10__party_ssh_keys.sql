-- SSH public keys a party logs in to its SFTP mailbox with (public-key login only; no passwords).
create table party_ssh_key (
    key_id          varchar(64)   primary key, -- SHA-256 (hex) of the key's SSH wire encoding
    party_id        varchar(32)   not null references party (party_id),
    key_type        varchar(40)   not null,    -- ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, …
    public_key      varchar(4000) not null,    -- the OpenSSH public key line as registered
    added_at        timestamp     not null
);
create index party_ssh_key_by_party on party_ssh_key (party_id);
