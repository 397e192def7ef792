-- marsad schema v1 (SQLite). Articles with their analysis; events stored once
-- (same source, target, CAMEO code, dates within a day) with one mention per
-- reporting article; full-text search over normalised sentence stems.
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  title TEXT,
  url TEXT,
  source TEXT,
  published TEXT,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  doc TEXT NOT NULL,
  analysed_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE sentences (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  heading INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
);

CREATE TABLE entities (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  actor TEXT,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_actor ON entities (actor);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  source_code TEXT,
  source_name TEXT,
  target_code TEXT,
  target_name TEXT,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  plover TEXT NOT NULL,
  quad INTEGER,
  goldstein REAL,
  date TEXT
);
CREATE INDEX events_dyad ON events (source_code, target_code, cameo, date);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_root ON events (root);

CREATE TABLE event_mentions (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  modality TEXT NOT NULL,
  date_text TEXT,
  location_code TEXT,
  location_name TEXT,
  location_text TEXT,
  attribution_code TEXT,
  attribution_name TEXT,
  topics TEXT NOT NULL,
  sentences TEXT NOT NULL,
  evidence TEXT NOT NULL,
  evidence_start INTEGER,
  evidence_end INTEGER,
  source_text TEXT,
  target_text TEXT,
  rules TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions (event_id);
CREATE INDEX event_mentions_article ON event_mentions (article_id);

CREATE VIRTUAL TABLE sentences_fts USING fts5 (body, article_id UNINDEXED, idx UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  modified TEXT,
  checked_at TEXT
);

CREATE TABLE feed_items (
  feed TEXT NOT NULL,
  item TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed, item)
);
