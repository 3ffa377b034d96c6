-- A survey's published findings are searchable: its changes go through the search change log (issue 26).
alter table search_change drop constraint search_change_content_check;
alter table search_change add constraint search_change_content_check check (content in
    ('REPORT', 'LIBRARY_ENTRY', 'SESSION', 'EDITION', 'CATEGORY', 'THREAD', 'POST', 'SYNONYMS', 'AUTHOR', 'SURVEY'));
