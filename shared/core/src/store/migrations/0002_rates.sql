-- Karvon schema 2: exchange-rate tables (owned by rates/).
CREATE TABLE rate_table (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,          -- cbu | ecb | user_entered
    base        TEXT NOT NULL,          -- ISO 4217 code the rates are quoted against
    valid_on    TEXT NOT NULL,          -- ISO date the rates are valid from
    quote       TEXT NOT NULL           -- how `rate.published` reads:
        CHECK (quote IN ('base_per_nominal',   -- units of base per `nominal` units of currency (CBU, manual)
                         'currency_per_base')), -- units of currency per one base (ECB)
    imported_ms INTEGER NOT NULL,
    origin      TEXT NOT NULL,          -- file name or `manual`
    UNIQUE (source, base, valid_on)
) STRICT;

CREATE TABLE rate (
    table_id  INTEGER NOT NULL REFERENCES rate_table(id) ON DELETE CASCADE,
    currency  TEXT NOT NULL,
    per_unit  TEXT NOT NULL,            -- units of base per one unit of currency (derived, exact decimal)
    published TEXT NOT NULL,            -- the figure exactly as the feed printed it
    nominal   TEXT NOT NULL,            -- units of currency `published` is for (CBU Nominal; else 1)
    PRIMARY KEY (table_id, currency)
) STRICT, WITHOUT ROWID;
