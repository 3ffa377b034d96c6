-- Several nodes on one database (issue 27).

-- Each node's place in the search change log, reported every few seconds. The log is trimmed only below the slowest
-- node seen within the retention period, so a node that is restarting or briefly cut off catches up from the log.
create table search_node (
    node    varchar(60) primary key,
    txid    bigint      not null,
    seq     bigint      not null,
    seen_at timestamptz not null default now()
);

-- The highest point below which the log has been trimmed. An index whose cursor lies below it has missed changes
-- for good, and its node rebuilds it.
create table search_change_trim (
    id   smallint primary key check (id = 1),
    txid bigint not null,
    seq  bigint not null
);
insert into search_change_trim (id, txid, seq) values (1, 0, 0);

-- Bucket4j's token buckets, shared by every node: 60 searches a minute means 60 whichever nodes answer. The state is
-- Bucket4j's own serialized form; expires_at (epoch milliseconds) lets full buckets be forgotten.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);

-- The demo content, loaded once for the cluster by whichever node got there first.
create table demo_load (
    id        smallint    primary key check (id = 1),
    node      varchar(60) not null,
    loaded_at timestamptz not null default now()
);
