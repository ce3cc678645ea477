-- Karvon schema 2: exchange-rate tables (owned by rates/).
CREATE TABLE rate_table (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,          -- cbu | ecb | user_entered
    base        TEXT NOT NULL,          -- ISO 4217 code the rates are quoted against
    valid_on    TEXT NOT NULL,          -- ISO date the rates are valid from
    imported_ms INTEGER NOT NULL,
    origin      TEXT NOT NULL,          -- file name or `manual`
    UNIQUE (source, base, valid_on)
) STRICT;

CREATE TABLE rate (
    table_id  INTEGER NOT NULL REFERENCES rate_table(id) ON DELETE CASCADE,
    currency  TEXT NOT NULL,
    per_unit  TEXT NOT NULL,            -- units of base per one unit of currency
    published TEXT NOT NULL,            -- the figure exactly as the feed printed it
    PRIMARY KEY (table_id, currency)
) STRICT, WITHOUT ROWID;
CREATE INDEX rate_currency ON rate(currency);
