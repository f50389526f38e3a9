-- The sealer finds unsealed records as those not yet in a chain (chain_party is null), through message_chain.
-- message_unsealed (record_hash, stored_seq) moved every record, once sealed, to a random place among the hashes:
-- one more index written at random for every message the hub stores, and nothing read it but the null part.
drop index message_unsealed;
