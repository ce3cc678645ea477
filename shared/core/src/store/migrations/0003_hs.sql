-- Karvon schema 3: HS 2022 nomenclature and its full-text index (owned by hs/).
CREATE TABLE hs_code (
    code        TEXT PRIMARY KEY,       -- 2, 4 or 6 digits, leading zeros kept
    level       INTEGER NOT NULL,
    parent      TEXT REFERENCES hs_code(code),
    section     TEXT NOT NULL,
    description TEXT NOT NULL
) STRICT;
CREATE INDEX hs_code_parent ON hs_code(parent);

CREATE VIRTUAL TABLE hs_fts USING fts5(
    description,
    content = 'hs_code',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
