-- The education library (issue 14): articles and short tips, one item in several languages, each
-- language's text versioned. Nothing here is anyone's personal data: writers and reviewers are
-- named by account id (ON DELETE SET NULL keeps a text when its writer's account goes).

-- One piece of knowledge: its key (the slug, the same in every language), kind and audience.
CREATE TABLE content_items (
  id          uuid PRIMARY KEY,
  key         text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(key) <= 80),
  kind        text NOT NULL CHECK (kind IN ('article', 'tip')),
  category    text NOT NULL CHECK (category IN ('periods_basics', 'pads_hygiene', 'pain_relief',
                'nutrition_iron', 'puberty_parents', 'see_health_worker', 'myths_facts')),
  age_band    text NOT NULL CHECK (age_band IN ('10-14', '15-19', 'all', 'parents')),
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL
);

-- Each language's text, one row per version, never rewritten once submitted: draft → submitted →
-- published (or rejected, with the reviewer's comment); a newer publication supersedes the older,
-- and a published text can be unpublished. `review` says whether a health professional and a
-- native speaker have checked it ('pending' for the machine-written starter set).
CREATE TABLE content_versions (
  id              uuid PRIMARY KEY,
  item_id         uuid NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  lang            text NOT NULL CHECK (lang IN ('en', 'rw', 'fr', 'sw')),
  version         integer NOT NULL CHECK (version >= 1),
  status          text NOT NULL CHECK (status IN ('draft', 'submitted', 'rejected', 'published',
                    'superseded', 'unpublished')),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  summary         text NOT NULL CHECK (length(summary) <= 300),
  body            text NOT NULL CHECK (length(body) <= 20000),
  review          text NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'done')),
  author_id       uuid REFERENCES users (id) ON DELETE SET NULL,
  reviewer_id     uuid REFERENCES users (id) ON DELETE SET NULL,
  review_comment  text CHECK (length(review_comment) <= 1000),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  submitted_at    timestamptz,
  decided_at      timestamptz,
  published_at    timestamptz,
  -- Language-neutral words ('simple'): there is no Kinyarwanda or Swahili dictionary to stem with.
  search          tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple', title || ' ' || summary || ' ' || body)) STORED,
  UNIQUE (item_id, lang, version)
);
-- At most one published text per item and language: the one readers see.
CREATE UNIQUE INDEX content_versions_one_published ON content_versions (item_id, lang)
  WHERE status = 'published';
CREATE INDEX content_versions_status ON content_versions (status, lang);
CREATE INDEX content_versions_search ON content_versions USING gin (search);
