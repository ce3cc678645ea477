//! Calendar dates (local dates of travel and of rule validity), without a clock.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a calendar date in the form YYYY-MM-DD")]
pub struct DateError;

impl Date {
    /// Builds a date, checking the month and the day of the month.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return Err(DateError);
        }
        if day > days_in_month(year, month) {
            return Err(DateError);
        }
        Ok(Self { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (before it when negative); `None` outside years 1 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Date::new(year, month, day).ok()
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Age in whole years on `on` of someone born on `self` (0 before the first birthday).
    pub fn age_on(self, on: Date) -> u32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        u32::try_from(years).unwrap_or(0)
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError);
        }
        let digits = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            s[r].bytes().try_fold(0u32, |acc, c| {
                if c.is_ascii_digit() {
                    Ok(acc * 10 + u32::from(c - b'0'))
                } else {
                    Err(DateError)
                }
            })
        };
        let year = i32::try_from(digits(0..4)?).map_err(|_| DateError)?;
        let month = u8::try_from(digits(5..7)?).map_err(|_| DateError)?;
        let day = u8::try_from(digits(8..10)?).map_err(|_| DateError)?;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_ages() {
        for days in (-700_000..2_900_000).step_by(997) {
            let d = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(d.days_since_epoch(), days);
        }
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.add_days(1).unwrap().to_string(), "2024-03-01");
        assert_eq!(
            Date::from_days_since_epoch(0).unwrap().to_string(),
            "1970-01-01"
        );
        let born: Date = "2008-05-10".parse().unwrap();
        assert_eq!(born.age_on("2026-05-09".parse().unwrap()), 17);
        assert_eq!(born.age_on("2026-05-10".parse().unwrap()), 18);
        assert_eq!(born.age_on("2001-01-01".parse().unwrap()), 0);
        assert!(Date::from_days_since_epoch(i64::MAX).is_none());
    }

    #[test]
    fn parses_and_checks_calendar() {
        assert_eq!(
            "2026-12-10".parse::<Date>().unwrap().to_string(),
            "2026-12-10"
        );
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("2026-1-01".parse::<Date>().is_err());
        assert!("２０２６-01-01".parse::<Date>().is_err());
    }

    #[test]
    fn counts_days() {
        let a: Date = "1970-01-01".parse().unwrap();
        assert_eq!(a.days_since_epoch(), 0);
        let b: Date = "2026-12-10".parse().unwrap();
        let c: Date = "2027-01-02".parse().unwrap();
        assert_eq!(b.days_until(c), 23);
        assert_eq!(
            "2000-03-01".parse::<Date>().unwrap().days_since_epoch(),
            11_017
        );
    }
}
