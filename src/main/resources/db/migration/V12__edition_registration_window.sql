-- An edition's registration closes after it opens (issue 25), held by the database as by the entity. The entity has
-- refused a backwards window all along, so no row should break it; NOT VALID still keeps this migration from failing
-- on a row written some other way, while every insert and update from now on is checked.
alter table forum_edition
    add constraint forum_edition_registration_window
    check (registration_opens is null or registration_closes is null or registration_opens < registration_closes)
    not valid;
