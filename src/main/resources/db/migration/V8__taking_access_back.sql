-- Taking access back (issue 22).

-- Bumped when an owner takes their account back (a password reset, or "sign out everywhere"): sessions, signed
-- download links and calendar addresses made before it stop working at once.
alter table account add column credential_epoch integer not null default 0;

-- Staff revoke a purchase (a refund) or a press copy with a reason; the row stays as the record of both.
alter table report_grant
    add column revoked_at    timestamptz,
    add column revoked_by    bigint references account (id),
    add column revoke_reason varchar(1000);
