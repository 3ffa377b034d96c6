-- What readers search for, counted per day and query text, for the staff dashboard's "most common searches" and
-- "searches that found nothing". No account is stored: the counts are about content, not about people.
create table search_query_day (
    day        date    not null,
    query      text    not null check (length(query) between 1 and 200),
    searches   integer not null check (searches >= 0),
    zero_hits  integer not null check (zero_hits >= 0 and zero_hits <= searches),
    primary key (day, query)
);

create index search_query_day_by_day on search_query_day (day);
