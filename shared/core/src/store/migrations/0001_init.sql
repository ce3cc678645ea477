-- Karvon schema 1: people, trips, purchases, receipts, alerts, and the sync outbox.
-- Amounts are decimal TEXT; times are UTC milliseconds; dates are local ISO dates.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE traveller (
    id          TEXT PRIMARY KEY,
    name_enc    BLOB NOT NULL,          -- AEAD ciphertext of the name as on documents
    document_enc BLOB,                  -- AEAD ciphertext of the passport / ID number
    birth_date  TEXT NOT NULL,
    residency   TEXT NOT NULL,          -- ISO 3166 alpha-2 country of residence
    statuses    TEXT NOT NULL DEFAULT '[]',
    hlc         TEXT NOT NULL,          -- clock of the create record
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL,
    deleted_ms  INTEGER
) STRICT;

CREATE TABLE party (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    hlc         TEXT NOT NULL,          -- clock of the create record
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL,
    deleted_ms  INTEGER
) STRICT;

CREATE TABLE party_member (
    party_id     TEXT NOT NULL REFERENCES party(id),
    traveller_id TEXT NOT NULL REFERENCES traveller(id),
    PRIMARY KEY (party_id, traveller_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX party_member_traveller ON party_member(traveller_id);

CREATE TABLE trip (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    jurisdiction  TEXT NOT NULL,
    arrival       TEXT NOT NULL,
    mode          TEXT NOT NULL,
    days_abroad   INTEGER NOT NULL,
    plan_amount   TEXT,
    plan_currency TEXT,
    joint         INTEGER NOT NULL DEFAULT 0,
    hlc           TEXT NOT NULL,
    created_ms    INTEGER NOT NULL,
    updated_ms    INTEGER NOT NULL,
    deleted_ms    INTEGER
) STRICT;

CREATE TABLE trip_traveller (
    trip_id      TEXT NOT NULL REFERENCES trip(id),
    traveller_id TEXT NOT NULL REFERENCES traveller(id),
    PRIMARY KEY (trip_id, traveller_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX trip_traveller_traveller ON trip_traveller(traveller_id);

CREATE TABLE purchase (
    id           TEXT PRIMARY KEY,
    trip_id      TEXT NOT NULL REFERENCES trip(id),
    traveller_id TEXT NOT NULL REFERENCES traveller(id),
    description  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    value        TEXT,
    currency     TEXT,
    count        TEXT,
    litres       TEXT,
    grams        TEXT,
    ml           TEXT,
    weight_kg    TEXT,
    abv          TEXT,
    spirit       TEXT,
    hs_code      TEXT,
    duty_rate    TEXT,
    shop         TEXT,
    bought_on    TEXT NOT NULL,         -- local date of purchase: picks the exchange rate
    bought_ms    INTEGER NOT NULL,
    used         INTEGER NOT NULL DEFAULT 0,
    gift         INTEGER NOT NULL DEFAULT 0,
    tax_free     INTEGER NOT NULL DEFAULT 0,
    hlc          TEXT NOT NULL,
    created_ms   INTEGER NOT NULL,
    updated_ms   INTEGER NOT NULL,
    deleted_ms   INTEGER
) STRICT;
-- In the order the status reads a trip's purchases (no sort step).
CREATE INDEX purchase_trip ON purchase(trip_id, bought_on, bought_ms);
CREATE INDEX purchase_traveller ON purchase(traveller_id);

CREATE TABLE receipt (
    id          TEXT PRIMARY KEY,
    purchase_id TEXT NOT NULL REFERENCES purchase(id),
    sha256      TEXT NOT NULL,          -- file name in the data folder's receipts/
    size        INTEGER NOT NULL,
    file_name   TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    deleted_ms  INTEGER
) STRICT;
CREATE INDEX receipt_purchase ON receipt(purchase_id);

-- The last delete, for undo.
CREATE TABLE last_delete (
    slot        INTEGER PRIMARY KEY CHECK (slot = 1),
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    deleted_ms  INTEGER NOT NULL
) STRICT;

CREATE TABLE alert (
    id              TEXT PRIMARY KEY,
    trip_id         TEXT NOT NULL REFERENCES trip(id),
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    message         TEXT NOT NULL,      -- JSON of the structured message
    created_ms      INTEGER NOT NULL,
    acknowledged_ms INTEGER
) STRICT;
CREATE INDEX alert_trip ON alert(trip_id);

-- Which alert conditions currently hold: an alert fires only when one turns on.
CREATE TABLE alert_state (
    trip_id  TEXT NOT NULL REFERENCES trip(id),
    key      TEXT NOT NULL,
    PRIMARY KEY (trip_id, key)
) STRICT, WITHOUT ROWID;

-- Outbox: every synced write appends here in the same transaction. A create is one record with
-- field `*` and the whole row as a JSON object; an edit is one record per changed field.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    created_ms INTEGER NOT NULL
) STRICT;

-- The newest clock of every field, for last-writer-wins when remote changes arrive.
CREATE TABLE field_clock (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    hlc       TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
) STRICT, WITHOUT ROWID;
