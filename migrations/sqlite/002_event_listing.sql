-- marsad schema v2 (SQLite): each event keeps the JSON of its entry in a page
-- of /api/events (its fields, report counts and first reports), refreshed by
-- every write that changes its reports. A table of its own, so that the
-- aggregates that scan every event (actors, timeline) do not read it. The
-- store fills it for the events of an older database when this migration is
-- applied.
CREATE TABLE event_listings (
  event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  json TEXT NOT NULL
);
