//! Publication dates in the forms other tools write, kept as RFC 3339.
//!
//! Stores written by scrapers, feed readers and data sets spell dates in many
//! ways: RFC 3339 with or without a zone, RFC 2822 from RSS, compact ISO 8601
//! from GDELT, Unix times as digit strings or JSON numbers. All the reading is
//! done by `jiff`; this module only chooses which of its parsers to ask and
//! what to keep of the answer.
//!
//! # What is kept
//!
//! One canonical string and the instant in whole seconds. The string is the
//! day alone (`2026-03-14`) or RFC 3339 with `T`, seconds, the fraction when
//! there was one, and `Z` or a `±HH:MM` offset as written. Everything the
//! reader shows (the day in the list, the day and time in the header) is a
//! slice of that string, so nothing is recomputed per frame and a value costs
//! 32 bytes plus the string, as much as the text it was read from.
//!
//! Input that is already in that form is kept byte for byte (so a stored
//! `.500` fraction stays `.500`); anything else is printed anew by `jiff`.
//! That shortcut is also the fast path for the usual `…Z` timestamp.
//!
//! # Choices
//!
//! - A time without a zone (`2026-03-14 09:30:00`, as news-please and
//!   newspaper4k write) is read as UTC and marked [`Published::zone_less`].
//! - A zero offset in any spelling (`+0000`, `-00:00`, RFC 2822 `GMT`) is
//!   written `Z`. RFC 2822 zone names other than the North American ones it
//!   defines count as UTC, as that RFC asks.
//! - RSS weekdays are often wrong; the day of the month wins.
//! - Digit strings are told apart by length: 8 digits are a day
//!   (`20260314`), 9 to 11 are seconds, 12 to 14 milliseconds, 15 to 17
//!   microseconds since the epoch. Fractions of a second of those are dropped.
//! - Years run from 1000 to 9999, so the canonical form always starts with
//!   four digits; `jiff`'s own range ends at 9999-12-30 in UTC.
//! - Offsets with seconds or of 24 hours and more, and RFC 9557 annotations
//!   (`[Europe/Paris]`), are refused: RFC 3339 cannot write them and no feed
//!   does.

use std::fmt;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::fmt::{rfc2822, temporal};
use jiff::tz::Offset;

/// RFC 3339, ISO 8601 in basic or extended form, with or without a time.
static ISO: temporal::DateTimeParser = temporal::DateTimeParser::new();

/// RFC 2822 as RSS writes it; a weekday that contradicts the date is ignored.
static RFC2822: rfc2822::DateTimeParser = rfc2822::DateTimeParser::new().relaxed_weekday(true);

/// Years a date may fall in, as written (at its own offset).
const YEARS: std::ops::RangeInclusive<i16> = 1000..=9999;

/// A publication date, read from any of the forms newsdesk accepts, with the
/// instant it names.
///
/// Two values are equal when their canonical forms are; whether the text had a
/// zone ([`Published::zone_less`]) is a note on where it came from and does
/// not take part.
#[derive(Debug, Clone)]
pub struct Published {
    /// The canonical form: `YYYY-MM-DD` or RFC 3339 (see the module docs).
    text: Box<str>,
    /// Seconds since the epoch, rounded down; a day counts from midnight UTC.
    epoch_seconds: i64,
    /// The text had a time but no zone, and was read as UTC.
    zone_less: bool,
}

impl Published {
    /// A date from the parts [`Published::as_str`],
    /// [`Published::epoch_seconds`] and [`Published::zone_less`] gave (as a
    /// cache keeps them), without reading the text again.
    /// `None` unless `text` has the canonical form's shape (ASCII, a day
    /// `YYYY-MM-DD` first, then nothing or a time), so that a damaged cache
    /// cannot make a date that cannot be shown.
    pub fn from_parts(
        text: impl Into<String>,
        epoch_seconds: i64,
        zone_less: bool,
    ) -> Option<Self> {
        // Taken whole: a cache hands over a string it no longer needs.
        let text: String = text.into();
        let day = text.as_bytes().get(..10)?;
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&at| day[at].is_ascii_digit());
        let shaped = text.is_ascii()
            && digits
            && day[4] == b'-'
            && day[7] == b'-'
            && (text.len() == 10 || text.len() > 16);
        shaped.then(|| Self {
            text: text.into_boxed_str(),
            epoch_seconds,
            zone_less,
        })
    }

    /// Reads a date in any accepted form, after trimming surrounding space.
    ///
    /// Accepted: `YYYY-MM-DD`; RFC 3339 / ISO 8601 times with `T`, `t` or a
    /// space, fractional seconds, and a zone as `Z`, `±HH:MM`, `±HHMM` or
    /// `±HH`, or no zone (read as UTC); ISO 8601 basic forms such as
    /// `20260314` and `20260314T094500Z`; RFC 2822 (`Sat, 14 Mar 2026 09:30:00
    /// +0000`, with obsolete zone names); and 9 to 17 digits of epoch seconds,
    /// milliseconds or microseconds. Years must lie in 1000–9999.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.is_empty() {
            return Err(DateError::Shape);
        }
        // Eight digits are an ISO basic date, which the ISO parser reads; other
        // digit runs are Unix times, which no parser here knows.
        if bytes.len() != 8 && bytes.iter().all(u8::is_ascii_digit) {
            return Self::from_digits(text);
        }
        // ISO text starts with a four-digit year; RFC 2822 with a weekday or a
        // day of one or two digits. Asking the right parser first halves the
        // time spent on RSS dates.
        let looks_rfc2822 = bytes[0].is_ascii_alphabetic()
            || bytes.get(1..3).is_some_and(|start| start.contains(&b' '));
        if !looks_rfc2822 && let Ok(pieces) = ISO.parse_pieces(bytes) {
            return Self::from_pieces(text, &pieces);
        }
        let zoned = RFC2822
            .parse_zoned_datetime(bytes)
            .map_err(|_| DateError::Shape)?;
        Self::at_offset(zoned.timestamp(), zoned.offset(), false).ok_or(DateError::Shape)
    }

    /// The instant `seconds` after the Unix epoch (before it when negative), in
    /// UTC.
    pub fn from_unix(seconds: i64) -> Result<Self, DateError> {
        let instant = Timestamp::from_second(seconds).map_err(|_| DateError::Range)?;
        Self::at_offset(instant, Offset::UTC, false).ok_or(DateError::Range)
    }

    /// An epoch time given as a JSON number, told apart by magnitude: below
    /// 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds.
    ///
    /// Fractions of a second are dropped. Negative, NaN, infinite and larger
    /// values are refused.
    pub fn from_number(value: f64) -> Result<Self, DateError> {
        // `contains` is false for NaN as well.
        if !(0.0..1e17).contains(&value) {
            return Err(DateError::Range);
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "the value is checked to lie in 0..1e17, well inside i64, and \
                      dropping the fraction is the point"
        )]
        let whole = value as i64;
        let seconds = if value < 1e11 {
            whole
        } else if value < 1e14 {
            whole / 1_000
        } else {
            whole / 1_000_000
        };
        Self::from_unix(seconds)
    }

    /// The canonical form: `YYYY-MM-DD` for a day, otherwise RFC 3339 with `Z`
    /// for UTC (and for times that had no zone) or the offset as `±HH:MM`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The calendar day (`YYYY-MM-DD`) at the offset as written, for compact
    /// display.
    pub fn day(&self) -> &str {
        // The canonical form always starts with the four-digit-year day.
        &self.text[..10]
    }

    /// For reading: the day, then the time and zone when there is one
    /// ("2026-03-14 09:30 UTC", "2026-03-14 10:30 +01:00").
    pub fn readable(&self) -> String {
        let text = &*self.text;
        if text.len() == 10 {
            return text.to_owned();
        }
        // A canonical time ends in `Z` or in a six-byte `±HH:MM`.
        let zone = if text.ends_with('Z') {
            "UTC"
        } else {
            &text[text.len() - 6..]
        };
        format!("{} {} {zone}", &text[..10], &text[11..16])
    }

    /// Seconds since 1970-01-01T00:00:00Z, rounded down; a day counts from its
    /// midnight in UTC. Orders articles newest first.
    pub fn epoch_seconds(&self) -> i64 {
        self.epoch_seconds
    }

    /// True when the text gave a time but no zone, so it was read as UTC and
    /// may be off by the writer's offset.
    pub fn zone_less(&self) -> bool {
        self.zone_less
    }

    /// A digit string: a Unix time whose unit follows from its length.
    fn from_digits(text: &str) -> Result<Self, DateError> {
        let divisor = match text.len() {
            9..=11 => 1,
            12..=14 => 1_000,
            15..=17 => 1_000_000,
            _ => return Err(DateError::Shape),
        };
        let value: i64 = text.parse().map_err(|_| DateError::Shape)?;
        Self::from_unix(value / divisor).map_err(|_| DateError::Shape)
    }

    /// What the ISO parser found: a day, a time without a zone, or a time with
    /// an offset.
    fn from_pieces(text: &str, pieces: &temporal::Pieces<'_>) -> Result<Self, DateError> {
        if pieces.time_zone_annotation().is_some() {
            return Err(DateError::Shape);
        }
        let date = pieces.date();
        let Some(time) = pieces.time() else {
            return Self::day_of(date, text).ok_or(DateError::Shape);
        };
        let written = DateTime::from_parts(date, time);
        let Some(offset) = pieces.to_numeric_offset() else {
            let instant = Offset::UTC
                .to_timestamp(written)
                .map_err(|_| DateError::Shape)?;
            return Self::at_offset(instant, Offset::UTC, true).ok_or(DateError::Shape);
        };
        let instant = offset.to_timestamp(written).map_err(|_| DateError::Shape)?;
        if is_canonical_time(text.as_bytes())
            && YEARS.contains(&date.year())
            && fits_rfc3339(offset)
        {
            return Ok(Self {
                text: text.into(),
                epoch_seconds: floor_seconds(instant),
                zone_less: false,
            });
        }
        Self::at_offset(instant, offset, false).ok_or(DateError::Shape)
    }

    /// A day alone, counted from midnight UTC; `text` is kept when it already
    /// reads `YYYY-MM-DD`.
    fn day_of(date: Date, text: &str) -> Option<Self> {
        if !YEARS.contains(&date.year()) {
            return None;
        }
        let midnight = Offset::UTC.to_timestamp(date.at(0, 0, 0, 0)).ok()?;
        let text = if text.len() == 10 {
            text.into()
        } else {
            date.to_string().into_boxed_str()
        };
        Some(Self {
            text,
            epoch_seconds: midnight.as_second(),
            zone_less: false,
        })
    }

    /// `instant` as seen at `offset`, printed in the canonical form; `None`
    /// when RFC 3339 cannot write the offset or the year is out of range.
    fn at_offset(instant: Timestamp, offset: Offset, zone_less: bool) -> Option<Self> {
        if !fits_rfc3339(offset) || !YEARS.contains(&offset.to_datetime(instant).year()) {
            return None;
        }
        let text = if offset == Offset::UTC {
            instant.to_string()
        } else {
            instant.display_with_offset(offset).to_string()
        };
        Some(Self {
            text: text.into_boxed_str(),
            epoch_seconds: floor_seconds(instant),
            zone_less,
        })
    }
}

impl PartialEq for Published {
    fn eq(&self, other: &Self) -> bool {
        // The instant follows from the text; comparing it first is cheaper.
        self.epoch_seconds == other.epoch_seconds && self.text == other.text
    }
}

impl Eq for Published {}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is in none of the accepted forms, or names a day or time that
    /// does not exist or falls outside the years 1000–9999.
    #[error(
        "expected a date as YYYY-MM-DD, an RFC 3339 or ISO 8601 time, an RFC 2822 time, \
         or a Unix time in digits, in the years 1000 to 9999"
    )]
    Shape,
    /// A Unix time that is negative where it may not be, not a number, or
    /// outside the years 1000–9999.
    #[error(
        "expected seconds, milliseconds or microseconds since 1970-01-01 UTC, \
         in the years 1000 to 9999"
    )]
    Range,
}

/// Whether `bytes`, already accepted by the ISO parser as a time with an
/// offset, is written exactly as the canonical form: `T`, seconds, a `.`
/// fraction if any, then `Z` or a non-zero `±HH:MM`.
fn is_canonical_time(bytes: &[u8]) -> bool {
    let Some((clock, rest)) = bytes.split_at_checked(19) else {
        return false;
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if !separators.iter().all(|&(at, byte)| clock[at] == byte) {
        return false;
    }
    let zone = match rest {
        [b'.', fraction @ ..] => {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            &fraction[digits..]
        }
        _ => rest,
    };
    match zone {
        b"Z" => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().any(|&&b| b != b'0'),
        _ => false,
    }
}

/// Whether RFC 3339 can write `offset`: whole minutes, under 24 hours (`jiff`
/// reads up to 25:59:59 and seconds).
fn fits_rfc3339(offset: Offset) -> bool {
    let seconds = offset.seconds();
    seconds % 60 == 0 && seconds.abs() < 24 * 3600
}

/// Whole seconds since the epoch, rounded down also before 1970 (where `jiff`
/// rounds toward zero).
fn floor_seconds(instant: Timestamp) -> i64 {
    let seconds = instant.as_second();
    if instant.subsec_nanosecond() < 0 {
        seconds - 1
    } else {
        seconds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;
    use proptest::prelude::*;

    /// Each accepted form with its canonical form and the epoch second that
    /// `date -u -d … +%s` gives for the same instant.
    #[rustfmt::skip]
    const FORMS: &[(&str, &str, i64)] = &[
        // RFC 3339 / ISO 8601 with a zone.
        ("2026-03-14T09:30:00Z", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("2026-03-14t09:30:00z", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("2026-03-14T10:30:00+01:00", "2026-03-14T10:30:00+01:00", 1_773_480_600),
        ("2026-03-14T10:30:00.5+01:00", "2026-03-14T10:30:00.5+01:00", 1_773_480_600),
        ("2025-12-31T23:59:59.123456Z", "2025-12-31T23:59:59.123456Z", 1_767_225_599),
        ("2026-03-09T15:10:00+0000", "2026-03-09T15:10:00Z", 1_773_069_000),
        ("2026-03-14T10:30:00+01", "2026-03-14T10:30:00+01:00", 1_773_480_600),
        ("2026-03-14T15:00:00+0530", "2026-03-14T15:00:00+05:30", 1_773_480_600),
        ("2026-03-14 09:30:00+00:00", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("2026-03-14T09:30:00-00:00", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("2026-03-14T09:30Z", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("  2026-03-14T09:30:00Z\n", "2026-03-14T09:30:00Z", 1_773_480_600),
        // A day alone.
        ("2026-03-14", "2026-03-14", 1_773_446_400),
        // No zone: UTC.
        ("2026-03-14 09:30:00", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("2026-03-14T09:30:00", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("2026-03-14 09:30:00.123", "2026-03-14T09:30:00.123Z", 1_773_480_600),
        ("2026-03-14T09:30:00.123456", "2026-03-14T09:30:00.123456Z", 1_773_480_600),
        // RFC 2822.
        ("Sat, 14 Mar 2026 09:30:00 +0000", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("14 Mar 2026 09:30:00 GMT", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("Sat, 14 Mar 2026 09:30 EST", "2026-03-14T09:30:00-05:00", 1_773_498_600),
        ("Sat, 7 Mar 2026 09:30:00 UT", "2026-03-07T09:30:00Z", 1_772_875_800),
        ("Sun, 8 Mar 2026 09:30:00 PDT", "2026-03-08T09:30:00-07:00", 1_772_987_400),
        ("Sat, 14 Mar 2026 09:30:00 CDT", "2026-03-14T09:30:00-05:00", 1_773_498_600),
        ("Sat, 14 Mar 2026 09:30:00 A", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("Sat, 14 Mar 2026 11:30:00 +0200", "2026-03-14T11:30:00+02:00", 1_773_480_600),
        ("Sat, 14 Mar 2026 09:30:00 -0000", "2026-03-14T09:30:00Z", 1_773_480_600),
        // ISO 8601 basic forms, as GDELT writes them.
        ("20260314T094500Z", "2026-03-14T09:45:00Z", 1_773_481_500),
        ("20260314T103000+0100", "2026-03-14T10:30:00+01:00", 1_773_480_600),
        ("20260314", "2026-03-14", 1_773_446_400),
        // Unix times in digits.
        ("999999999", "2001-09-09T01:46:39Z", 999_999_999),
        ("1773480600", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("99999999999", "5138-11-16T09:46:39Z", 99_999_999_999),
        ("1773480600123", "2026-03-14T09:30:00Z", 1_773_480_600),
        ("1773480600123456", "2026-03-14T09:30:00Z", 1_773_480_600),
        // Far ends of the range.
        ("1000-01-01", "1000-01-01", -30_610_224_000),
        ("9999-12-30T00:00:00Z", "9999-12-30T00:00:00Z", 253_402_128_000),
    ];

    #[test]
    fn every_accepted_form_names_its_instant() {
        for &(text, canonical, seconds) in FORMS {
            let date = Published::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(date.as_str(), canonical, "{text:?}");
            assert_eq!(date.epoch_seconds(), seconds, "{text:?}");
            assert_eq!(date.to_string(), canonical, "{text:?}");
        }
    }

    #[test]
    fn canonical_forms_parse_back_to_themselves() {
        for &(text, canonical, seconds) in FORMS {
            let again = Published::parse(canonical).unwrap();
            assert_eq!(again, Published::parse(text).unwrap(), "{text:?}");
            assert_eq!(again.as_str(), canonical);
            assert_eq!(again.epoch_seconds(), seconds);
        }
    }

    #[test]
    fn rfc3339_input_is_kept_byte_for_byte() {
        for text in [
            "2026-03-14T09:30:00Z",
            "2026-03-14T10:30:00.5+01:00",
            "2026-03-14T09:30:00.500Z",
            "2026-03-14T04:30:00.000-05:00",
        ] {
            assert_eq!(Published::parse(text).unwrap().as_str(), text);
        }
    }

    #[test]
    fn times_without_a_zone_are_read_as_utc_and_marked() {
        let bare = Published::parse("2026-03-14 09:30:00").unwrap();
        let zoned = Published::parse("2026-03-14T09:30:00Z").unwrap();
        assert!(bare.zone_less());
        assert!(!zoned.zone_less());
        assert_eq!(bare, zoned);
        assert_eq!(bare.readable(), "2026-03-14 09:30 UTC");
        assert!(!Published::parse("2026-03-14").unwrap().zone_less());
        assert!(!Published::parse("1773480600").unwrap().zone_less());
    }

    #[test]
    fn day_is_the_day_at_the_written_offset() {
        let cases = [
            ("2026-03-14T23:30:00-05:00", 1_773_549_000),
            ("2026-03-14T00:30:00+05:30", 1_773_428_400),
            ("Sat, 14 Mar 2026 23:30:00 -0500", 1_773_549_000),
            ("20260314T003000+0530", 1_773_428_400),
        ];
        for (text, seconds) in cases {
            let date = Published::parse(text).unwrap();
            assert_eq!(date.day(), "2026-03-14", "{text}");
            assert_eq!(date.epoch_seconds(), seconds, "{text}");
        }
    }

    #[test]
    fn readable_form_keeps_day_time_and_zone() {
        let readable = |s| Published::parse(s).unwrap().readable();
        assert_eq!(readable("2026-03-14"), "2026-03-14");
        assert_eq!(readable("20260314"), "2026-03-14");
        assert_eq!(readable("2026-03-14T09:30:00Z"), "2026-03-14 09:30 UTC");
        assert_eq!(
            readable("2026-03-14T10:30:00.5+01:00"),
            "2026-03-14 10:30 +01:00"
        );
        assert_eq!(
            readable("2026-03-14T04:30:00-0500"),
            "2026-03-14 04:30 -05:00"
        );
        assert_eq!(
            readable("Sat, 14 Mar 2026 09:30 EST"),
            "2026-03-14 09:30 -05:00"
        );
        assert_eq!(readable("1773480600123"), "2026-03-14 09:30 UTC");
    }

    #[test]
    fn unknown_and_impossible_dates_are_rejected() {
        for bad in [
            "",
            "   ",
            "None",
            "null",
            "yesterday",
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-01-01T25:00:00Z",
            "2026-01-01T10:60:00Z",
            "2026-03-14T09:30:00ZZ",
            "2026-03-14T09:30:00 Z",
            "2026-03-14T09:30:00Z[Europe/Paris]",
            "2026-03-14T09:30:00+01:00:30",
            "2026-03-14T09:30:00+24:00",
            "2026-03-14T09:30:00-2500",
            "Sat, 14 Mar 2026 09:30:00 +2400",
            "2026-03-14T09:30:00.1234567890Z",
            "0999-12-31",
            "0999-12-31T23:00:00Z",
            "+010000-01-01",
            "-002026-03-14",
            "Sat, 30 Feb 2026 09:30:00 +0000",
            "Sat, 14 Foo 2026 09:30:00 +0000",
            "Sat, 14 Mar 2026 09:30:00 +00",
            "1234567",
            "123456789012345678",
            "17734806.00",
            "-1773480600",
            "20261314",
        ] {
            assert_eq!(Published::parse(bad), Err(DateError::Shape), "{bad:?}");
        }
    }

    #[test]
    fn rss_weekdays_that_contradict_the_date_are_ignored() {
        let date = Published::parse("Fri, 14 Mar 2026 09:30:00 +0000").unwrap();
        assert_eq!(date.epoch_seconds(), 1_773_480_600);
    }

    #[test]
    fn error_message_names_the_accepted_forms() {
        let message = Published::parse("yesterday").unwrap_err().to_string();
        for form in ["YYYY-MM-DD", "RFC 3339", "RFC 2822", "Unix time"] {
            assert!(message.contains(form), "{message}");
        }
        let message = Published::from_number(-1.0).unwrap_err().to_string();
        assert!(message.contains("milliseconds"), "{message}");
    }

    #[test]
    fn leap_day_exists_only_in_leap_years() {
        assert_eq!(
            Published::parse("2024-02-29").unwrap().epoch_seconds(),
            1_709_164_800
        );
        assert_eq!(
            Published::parse("2000-02-29T12:00:00Z")
                .unwrap()
                .epoch_seconds(),
            951_825_600
        );
        assert!(Published::parse("2100-02-29").is_err());
        assert!(Published::parse("2026-02-29T12:00:00Z").is_err());
        assert!(Published::parse("Sun, 29 Feb 2026 12:00:00 +0000").is_err());
        assert!(Published::parse("20250229").is_err());
    }

    #[test]
    fn fractions_before_1970_round_down() {
        let date = Published::parse("1969-12-31T23:59:59.5Z").unwrap();
        assert_eq!(date.epoch_seconds(), -1);
        let moon = Published::parse("1969-07-20T20:17:40.9Z").unwrap();
        assert_eq!(moon.epoch_seconds(), -14_182_940);
    }

    #[test]
    fn from_unix_covers_the_years_1000_to_9999() {
        let first = Published::from_unix(-30_610_224_000).unwrap();
        assert_eq!(first.as_str(), "1000-01-01T00:00:00Z");
        assert_eq!(Published::from_unix(-30_610_224_001), Err(DateError::Range));
        let epoch = Published::from_unix(0).unwrap();
        assert_eq!(epoch.as_str(), "1970-01-01T00:00:00Z");
        assert_eq!(epoch.day(), "1970-01-01");
        let late = Published::from_unix(253_402_128_000).unwrap();
        assert_eq!(late.as_str(), "9999-12-30T00:00:00Z");
        assert_eq!(Published::from_unix(i64::MAX), Err(DateError::Range));
        assert_eq!(Published::from_unix(i64::MIN), Err(DateError::Range));
    }

    #[test]
    fn numbers_are_told_apart_by_magnitude() {
        let seconds = |v: f64| Published::from_number(v).map(|p| p.epoch_seconds());
        assert_eq!(seconds(0.0), Ok(0));
        assert_eq!(seconds(-0.0), Ok(0));
        assert_eq!(seconds(1.9), Ok(1));
        assert_eq!(seconds(1_773_480_600.75), Ok(1_773_480_600));
        assert_eq!(seconds(99_999_999_999.0), Ok(99_999_999_999));
        // From 1e11 on, milliseconds.
        assert_eq!(seconds(1e11), Ok(100_000_000));
        assert_eq!(seconds(1_773_480_600_999.0), Ok(1_773_480_600));
        assert_eq!(seconds(99_999_999_999_999.0), Ok(99_999_999_999));
        // From 1e14 on, microseconds.
        assert_eq!(seconds(1e14), Ok(100_000_000));
        assert_eq!(seconds(1_773_480_600_999_999.0), Ok(1_773_480_600));
        assert_eq!(seconds(99_999_999_999_999_990.0), Ok(99_999_999_999));
        for bad in [
            1e17,
            1e18,
            -1.0,
            -1e12,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(Published::from_number(bad), Err(DateError::Range), "{bad}");
        }
        let whole = Published::from_number(1_773_480_600.5).unwrap();
        assert_eq!(whole.as_str(), "2026-03-14T09:30:00Z");
    }

    #[test]
    fn a_date_stays_as_small_as_its_text() {
        assert_eq!(std::mem::size_of::<Published>(), 32);
        assert_eq!(std::mem::size_of::<Option<Published>>(), 32);
    }

    /// An RFC 2822 line for `instant` at `offset`, printed by jiff.
    fn rfc2822_at(instant: Timestamp, offset: Offset) -> String {
        let zoned = instant.to_zoned_datetime(TimeZone::fixed(offset));
        rfc2822::to_string(&zoned).unwrap()
    }

    proptest! {
        #[test]
        fn written_instants_read_back_to_the_same_second(
            // 1000-01-02 to 9999-12-28, clear of the range ends at any offset.
            seconds in -30_610_137_600_i64..253_401_955_200,
            nanos in prop_oneof![Just(0), 0..1_000_000_000_i32],
            minutes in -1439_i32..=1439,
        ) {
            let instant = Timestamp::new(seconds, nanos).unwrap();
            let offset = Offset::from_seconds(minutes * 60).unwrap();
            let rfc3339 = instant.display_with_offset(offset).to_string();
            let rfc2822 = rfc2822_at(instant, offset);
            let local_day = offset.to_datetime(instant).date().to_string();
            for text in [&rfc3339, &rfc2822] {
                let date = Published::parse(text).unwrap();
                prop_assert_eq!(date.epoch_seconds(), seconds, "{}", text);
                prop_assert_eq!(date.day(), local_day.as_str(), "{}", text);
                let again = Published::parse(date.as_str()).unwrap();
                prop_assert_eq!(&again, &date);
                prop_assert_eq!(again.epoch_seconds(), seconds);
                prop_assert_eq!(again.readable(), date.readable());
            }
            // The copied form and the printed form must agree: the space sends
            // the same time down the printing path.
            let spaced = rfc3339.replacen('T', " ", 1);
            prop_assert_eq!(Published::parse(&spaced).unwrap(), Published::parse(&rfc3339).unwrap());
            let utc = instant.to_string();
            let read = Published::parse(&utc).unwrap();
            prop_assert_eq!(read.as_str(), utc.as_str());
        }

        #[test]
        fn unix_times_read_back_in_every_unit(
            seconds in 100_000_000_i64..100_000_000_000,
            millis in 0_i64..1_000,
            micros in 0_i64..1_000_000,
        ) {
            let expected = Published::from_unix(seconds).unwrap();
            let texts = [
                seconds.to_string(),
                (seconds * 1_000 + millis).to_string(),
                (seconds * 1_000_000 + micros).to_string(),
            ];
            for text in &texts {
                prop_assert_eq!(&Published::parse(text).unwrap(), &expected, "{}", text);
            }
            #[expect(clippy::cast_precision_loss, reason = "below 2^53, exact")]
            let number = seconds as f64;
            prop_assert_eq!(Published::from_number(number).unwrap(), expected.clone());
            let again = Published::parse(expected.as_str()).unwrap();
            prop_assert_eq!(again.epoch_seconds(), seconds);
        }

        #[test]
        fn whatever_parses_has_a_canonical_form_that_parses_back(
            text in prop_oneof![
                "(0999|1[0-9]{3}|20[0-9]{2}|9999)-(0[1-9]|1[0-3])-(0[1-9]|[12][0-9]|3[01])\
                 ([Tt ]([01][0-9]|2[0-4])(:[0-5][0-9](:([0-5][0-9]|60)([.,][0-9]{1,10})?)?)?\
                 ([Zz]|[+-](0[0-9]|1[0-9]|2[0-5])(:?[0-5][0-9])?)?)?",
                "[0-9]{6,18}",
                "\\PC{0,40}",
            ],
        ) {
            if let Ok(date) = Published::parse(&text) {
                let canonical = date.as_str();
                prop_assert!(canonical.len() == 10 || canonical.len() >= 20, "{}", canonical);
                prop_assert_eq!(Published::parse(canonical), Ok(date.clone()));
                prop_assert_eq!(date.day(), &canonical[..10]);
            }
        }
    }
}
