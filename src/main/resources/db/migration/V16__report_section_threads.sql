-- Discussions of a report's sections (issue 28).

-- The category that threads about report sections go into; staff choose it, and at most one is chosen.
alter table discussion_category add column report_sections boolean not null default false;
create unique index discussion_category_report_sections_idx on discussion_category (report_sections)
    where report_sections;

insert into discussion_category (slug, name, description, kind, visibility, chatham_house_default, position,
                                 report_sections) values
    ('reports', 'Our reports, section by section',
     'Members discuss the association''s trend reports where they read them: each thread here is about one section of a report.',
     'GENERAL', 'MEMBERS', false, 140, true);

-- A thread about a section keeps the report's title and page and the section's heading as last known, so it shows
-- and is searched by them without asking reports, and keeps them when the section is removed.
alter table discussion_thread
    add column report_id       bigint references report (id),
    add column report_title    varchar(200),
    add column report_page     varchar(200),
    add column section_anchor  varchar(80),
    add column section_heading varchar(200),
    add column section_removed boolean not null default false,
    add constraint discussion_thread_section_check check ((report_id is null) = (section_anchor is null));
create index discussion_thread_section_idx on discussion_thread (report_id, section_anchor)
    where report_id is not null;
