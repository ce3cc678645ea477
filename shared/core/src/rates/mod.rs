//! Exchange rates offline: feed import, stored tables, look-up by date.
