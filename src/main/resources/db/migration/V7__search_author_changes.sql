-- A changed display name is a change of everything its account wrote where the name shows.
alter table search_change drop constraint search_change_content_check;
alter table search_change add constraint search_change_content_check check (content in
    ('REPORT', 'LIBRARY_ENTRY', 'SESSION', 'EDITION', 'CATEGORY', 'THREAD', 'POST', 'SYNONYMS', 'AUTHOR'));
