-- A notice whose text names what only members may read (a thread in a members' category): it is shown and mailed
-- only while its reader is a member or staff (issue 22).
alter table notification add column members_only boolean not null default false;
