-- Karvon schema 5: sync state. The server URL, this device's registration and the pull cursor;
-- the push batch in flight (kept with its idempotency key before it is sent, removed only
-- after the server acknowledged it); problems that need the user, with their reason.

CREATE TABLE sync_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    server_url   TEXT NOT NULL,
    account_id   TEXT,                  -- given by the server at registration or pairing
    device_id    TEXT,
    cursor       INTEGER NOT NULL DEFAULT 0,
    last_sync_ms INTEGER                -- last sync that finished without a problem
) STRICT;

-- At most one batch is in flight: exactly the bytes of its changes and the outbox range.
CREATE TABLE sync_batch (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    idempotency_key TEXT NOT NULL,
    first_seq       INTEGER NOT NULL,
    last_seq        INTEGER NOT NULL,
    changes         TEXT NOT NULL,      -- JSON array of the changes, as sent
    created_ms      INTEGER NOT NULL
) STRICT;

CREATE TABLE sync_problem (
    kind     TEXT NOT NULL CHECK (kind IN ('push', 'pull', 'filing', 'register')),
    subject  TEXT NOT NULL,             -- idempotency key, document id, cursor
    code     TEXT NOT NULL,             -- the server's problem code, or a client code
    message  TEXT NOT NULL,             -- JSON of the structured message
    at_ms    INTEGER NOT NULL,
    PRIMARY KEY (kind, subject)
) STRICT, WITHOUT ROWID;
