-- Karvon schema 4: declarations and their versions, status timeline, templates, payment
-- drafts, and this device's signing key. Document bodies hold names and document numbers,
-- so they are stored sealed (AEAD), like the traveller's identifiers.

CREATE TABLE document (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('passenger', 'cn22', 'cn23', 'trade', 'payment')),
    series          TEXT NOT NULL,          -- id of the first version of this declaration
    version         INTEGER NOT NULL CHECK (version >= 1),
    amends          TEXT REFERENCES document(id),
    trip_id         TEXT REFERENCES trip(id),
    title           TEXT NOT NULL,          -- a label for lists, without personal identifiers
    status          TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'queued', 'submitted',
                                                    'registered', 'cleared', 'rejected')),
    body_enc        BLOB NOT NULL,          -- AEAD ciphertext of the document as JSON
    signed_enc      BLOB,                   -- AEAD ciphertext of the signed envelope
    signed_ms       INTEGER,
    key_fingerprint TEXT,
    registration    TEXT,                   -- given by customs
    reason          TEXT,                   -- why customs rejected it
    hlc             TEXT NOT NULL,
    created_ms      INTEGER NOT NULL,
    updated_ms      INTEGER NOT NULL,
    deleted_ms      INTEGER,
    UNIQUE (series, version)
) STRICT;
CREATE INDEX document_trip ON document(trip_id);
CREATE INDEX document_amends ON document(amends);

-- Nothing signed is ever edited in place: an amendment is a new version.
CREATE TRIGGER document_frozen
BEFORE UPDATE OF kind, series, version, amends, trip_id, body_enc, signed_enc ON document
WHEN OLD.signed_enc IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'karvon: a signed document cannot be changed');
END;

CREATE TABLE document_event (
    document_id TEXT NOT NULL REFERENCES document(id),
    seq         INTEGER NOT NULL,
    status      TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    note        TEXT,
    PRIMARY KEY (document_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE template (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,              -- JSON; templates hold no personal identifiers
    hlc         TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL,
    deleted_ms  INTEGER
) STRICT;
CREATE UNIQUE INDEX template_name ON template(name) WHERE deleted_ms IS NULL;

CREATE TABLE payment (
    id           TEXT PRIMARY KEY,
    document_id  TEXT NOT NULL REFERENCES document(id),
    status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'paid')),
    body         TEXT NOT NULL,             -- the payment draft as JSON
    hlc          TEXT NOT NULL,
    created_ms   INTEGER NOT NULL,
    updated_ms   INTEGER NOT NULL,
    deleted_ms   INTEGER
) STRICT;
CREATE INDEX payment_document ON payment(document_id);

-- Goods sent home separately are declared apart from what a traveller carries.
ALTER TABLE purchase ADD COLUMN unaccompanied INTEGER NOT NULL DEFAULT 0;

-- This device's Ed25519 signing key: never synced, sealed with the data key.
CREATE TABLE device_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    public_key  BLOB NOT NULL,
    pkcs8_enc   BLOB NOT NULL,
    created_ms  INTEGER NOT NULL
) STRICT;
