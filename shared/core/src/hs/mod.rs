//! HS 2022 nomenclature offline: import and full-text search.
