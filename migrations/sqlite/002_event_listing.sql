-- marsad schema v2 (SQLite): each event keeps the JSON of its entry in a page
-- of /api/events (its fields, report counts and first reports), refreshed by
-- every write that changes its reports. The store fills it for the events of
-- an older database when this migration is applied.
ALTER TABLE events ADD COLUMN listing TEXT;
