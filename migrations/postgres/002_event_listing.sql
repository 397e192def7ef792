-- marsad schema v2 (PostgreSQL), as migrations/sqlite/002_event_listing.sql:
-- each event keeps the JSON text of its entry in a page of /api/events (its
-- fields, report counts and first reports), refreshed by every write that
-- changes its reports. The store fills it for the events of an older database
-- in the transaction that applies this migration.
CREATE TABLE event_listings (
  event_id BIGINT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  json TEXT NOT NULL
);
