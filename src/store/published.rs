//! Publication dates: RFC 3339 timestamps or plain `YYYY-MM-DD` days.
//!
//! Only what sorting and display need is kept: the text as written and the
//! instant it names, in seconds since the Unix epoch (UTC). No time-zone
//! database is involved; an offset in the timestamp is applied as written.

use std::fmt;

/// A publication date as written in the store, with the instant it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    raw: String,
    epoch_seconds: i64,
}

impl Published {
    /// Parses `YYYY-MM-DD` or an RFC 3339 timestamp
    /// (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let bytes = text.as_bytes();
        let date = parse_date(bytes).ok_or(DateError::Shape)?;
        let days = days_from_civil(date.0, date.1, date.2);
        let mut seconds = days * 86_400;
        if bytes.len() > 10 {
            seconds += parse_time(&bytes[10..]).ok_or(DateError::Shape)?;
        }
        Ok(Self {
            raw: text.to_owned(),
            epoch_seconds: seconds,
        })
    }

    /// The instant `seconds` after the Unix epoch, in UTC.
    pub fn from_unix(seconds: i64) -> Result<Self, DateError> {
        let _ = seconds;
        Err(DateError::Shape)
    }

    /// An epoch time given as a JSON number: seconds, milliseconds or
    /// microseconds since the Unix epoch, told apart by magnitude.
    pub fn from_number(value: f64) -> Result<Self, DateError> {
        let _ = value;
        Err(DateError::Shape)
    }

    /// The date as written in the store.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The calendar day as written (`YYYY-MM-DD`), for compact display.
    pub fn day(&self) -> &str {
        &self.raw[..10]
    }

    /// For reading: the day, then the time and zone when there is one
    /// ("2026-03-14 09:30 UTC", "2026-03-14 10:30 +01:00").
    pub fn readable(&self) -> String {
        if self.raw.len() <= 10 {
            return self.raw.clone();
        }
        let zone = match &self.raw[self.raw.len() - 1..] {
            "Z" | "z" => "UTC",
            _ => &self.raw[self.raw.len() - 6..],
        };
        format!("{} {} {zone}", self.day(), &self.raw[11..16])
    }

    /// Seconds since 1970-01-01T00:00:00Z; orders articles newest first.
    pub fn epoch_seconds(&self) -> i64 {
        self.epoch_seconds
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Neither `YYYY-MM-DD` nor an RFC 3339 timestamp.
    #[error("expected a date as YYYY-MM-DD or an RFC 3339 timestamp")]
    Shape,
}

fn digits(bytes: &[u8]) -> Option<i64> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0_i64, |acc, b| acc * 10 + i64::from(b - b'0')),
    )
}

fn parse_date(bytes: &[u8]) -> Option<(i64, i64, i64)> {
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    let month = digits(&bytes[5..7])?;
    let day = digits(&bytes[8..10])?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=month_days)
        .contains(&day)
        .then_some((year, month, day))
}

/// Parses `THH:MM:SS[.frac](Z|±HH:MM)` into seconds after midnight UTC.
fn parse_time(bytes: &[u8]) -> Option<i64> {
    if bytes.len() < 9 || !matches!(bytes[0], b'T' | b't' | b' ') {
        return None;
    }
    let clock = &bytes[1..9];
    if clock[2] != b':' || clock[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (
        digits(&clock[0..2])?,
        digits(&clock[3..5])?,
        digits(&clock[6..8])?,
    );
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &bytes[9..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let len = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        rest = &fraction[len..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = digits(&[*h1, *h2])?;
            let minutes = digits(&[*m1, *m2])?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = hours * 3600 + minutes * 60;
            if *sign == b'+' { offset } else { -offset }
        }
        _ => return None,
    };
    Some(hour * 3600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_day_is_midnight_utc() {
        let date = Published::parse("1970-01-02").unwrap();
        assert_eq!(date.epoch_seconds(), 86_400);
        assert_eq!(date.day(), "1970-01-02");
    }

    #[test]
    fn rfc3339_applies_offset() {
        let utc = Published::parse("2026-03-14T09:30:00Z").unwrap();
        let paris = Published::parse("2026-03-14T10:30:00+01:00").unwrap();
        assert_eq!(utc.epoch_seconds(), paris.epoch_seconds());
        assert_eq!(utc.epoch_seconds(), 1_773_480_600);
    }

    #[test]
    fn readable_form_keeps_day_time_and_zone() {
        let readable = |s| Published::parse(s).unwrap().readable();
        assert_eq!(readable("2026-03-14"), "2026-03-14");
        assert_eq!(readable("2026-03-14T09:30:00Z"), "2026-03-14 09:30 UTC");
        assert_eq!(
            readable("2026-03-14T10:30:00.5+01:00"),
            "2026-03-14 10:30 +01:00"
        );
    }

    #[test]
    fn fractional_seconds_are_accepted() {
        let date = Published::parse("2025-12-31T23:59:59.123456Z").unwrap();
        assert_eq!(date.as_str(), "2025-12-31T23:59:59.123456Z");
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-01-01T25:00:00Z",
            "2026-01-01T10:00:00",
            "yesterday",
            "",
            "2026-01-01T10:00:00+0100",
        ] {
            assert_eq!(Published::parse(bad), Err(DateError::Shape), "{bad}");
        }
    }

    #[test]
    fn leap_day_exists_only_in_leap_years() {
        assert!(Published::parse("2024-02-29").is_ok());
        assert!(Published::parse("2100-02-29").is_err());
        assert!(Published::parse("2000-02-29").is_ok());
    }
}
