-- Karvon schema 6: signed distribution (owned by dist/). Trusted publisher keys (none by
-- default), installed bundles (the one in force and the previous good one keep their bytes),
-- the last failure per bundle with its reason, and local imports that compete with bundles.

CREATE TABLE dist_key (
    key_id     TEXT PRIMARY KEY,        -- fingerprint: first 8 bytes of SHA-256 of the key, hex
    public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    added_ms   INTEGER NOT NULL
) STRICT;

CREATE TABLE dist_bundle (
    kind         TEXT NOT NULL CHECK (kind IN ('pack', 'rates', 'hs')),
    name         TEXT NOT NULL,         -- pack id, rate source (cbu, ecb), or hs
    version      INTEGER NOT NULL,
    published_ms INTEGER NOT NULL,
    key_id       TEXT NOT NULL,         -- the publisher key that signed it
    server_url   TEXT NOT NULL,         -- where it came from
    sha256       TEXT NOT NULL,         -- of the content
    bytes        BLOB,                  -- the signed bundle; NULL once older than the previous
    installed_ms INTEGER NOT NULL,
    current      INTEGER NOT NULL CHECK (current IN (0, 1)),
    PRIMARY KEY (kind, name, version)
) STRICT;
CREATE UNIQUE INDEX dist_bundle_current ON dist_bundle(kind, name) WHERE current = 1;

CREATE TABLE dist_failure (
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    version    INTEGER,                 -- the version offered, when known
    server_url TEXT NOT NULL,
    code       TEXT NOT NULL,           -- dist-unknown-key, dist-digest-mismatch, ...
    message    TEXT NOT NULL,           -- JSON of the structured message
    problem    TEXT,                    -- JSON of the content problem, for dist-content-invalid
    at_ms      INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
) STRICT, WITHOUT ROWID;

-- A data set imported from a local file (the HS CSV); the newer of it and a bundle is in force.
CREATE TABLE dist_local (
    kind   TEXT NOT NULL,
    name   TEXT NOT NULL,
    origin TEXT NOT NULL,               -- the file
    at_ms  INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
) STRICT, WITHOUT ROWID;
