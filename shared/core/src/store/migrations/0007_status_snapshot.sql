-- Karvon schema 7: the last computed status of a trip, kept so that the first status after the
-- app opens again is read instead of rebuilt. Derived data: never synced, never counted as a
-- write (meta.writes), replaced or ignored whenever its stamp no longer matches.

CREATE TABLE status_snapshot (
    trip_id  TEXT PRIMARY KEY REFERENCES trip(id) ON DELETE CASCADE,
    writes   INTEGER NOT NULL,          -- meta.writes when it was computed
    stamp    TEXT NOT NULL,             -- everything else it depends on (see snapshot.rs)
    bytes    BLOB NOT NULL,             -- sealed (AES-256-GCM, bound to trip and stamp)
    saved_ms INTEGER NOT NULL
) STRICT;
