//! Time zone rules as an input: the core never bundles or guesses them.
//!
//! A calendar window ("March 2024 in America/New_York") starts and ends at local
//! midnight, so its length depends on the zone's daylight saving rules. The web
//! app answers [`ZoneRules::offset_at`] from the browser's `Intl.DateTimeFormat`;
//! the CLI from the IANA database (`tzdb` feature, [`Tzdb`]).

use std::fmt;

/// The zone used when none is given.
pub const DEFAULT_ZONE: &str = "UTC";

/// Seconds in one civil day (86,400) when no time zone shift happens.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// The rules of one time zone.
pub trait ZoneRules {
    /// The IANA name of the zone, e.g. `"America/New_York"`.
    fn name(&self) -> &str;

    /// The offset from UTC in seconds (local = UTC + offset) in force at the
    /// instant `utc_seconds` (seconds since 1970-01-01T00:00:00Z).
    fn offset_at(&self, utc_seconds: i64) -> Result<i32, ZoneError>;
}

/// Why a zone could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZoneError {
    /// No zone of that name is known (holds the name).
    Unknown(String),
    /// The zone's rules could not answer for an instant.
    NoOffset(String),
}

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZoneError::Unknown(name) => write!(
                f,
                "unknown time zone {}: use an IANA name such as Europe/Berlin or UTC",
                crate::echo::quote(name)
            ),
            ZoneError::NoOffset(name) => write!(
                f,
                "time zone {} has no offset for this date",
                crate::echo::quote(name)
            ),
        }
    }
}

impl std::error::Error for ZoneError {}

/// Coordinated Universal Time: offset zero, always. The default zone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Utc;

impl ZoneRules for Utc {
    fn name(&self) -> &str {
        "UTC"
    }
    fn offset_at(&self, _utc_seconds: i64) -> Result<i32, ZoneError> {
        Ok(0)
    }
}

/// Finds the zone of a name: the web app, the CLI and the tests each bring theirs.
pub trait ZoneResolver {
    /// The rules of the zone named `name` (IANA), or [`ZoneError::Unknown`].
    fn resolve(&self, name: &str) -> Result<Box<dyn ZoneRules>, ZoneError>;
}

/// A resolver that knows only UTC (`"UTC"`, `"Etc/UTC"`, `"Z"`).
#[derive(Clone, Copy, Debug, Default)]
pub struct UtcOnly;

impl ZoneResolver for UtcOnly {
    fn resolve(&self, name: &str) -> Result<Box<dyn ZoneRules>, ZoneError> {
        match name {
            "UTC" | "Etc/UTC" | "Z" => Ok(Box::new(Utc)),
            other => Err(ZoneError::Unknown(other.to_string())),
        }
    }
}

/// The UTC instant (seconds since the epoch) at which the local wall-clock time
/// `local_seconds` (seconds since 1970-01-01T00:00 local) first occurs.
///
/// Ambiguous times (clocks set back) resolve to the earlier instant; times that
/// do not exist (clocks set forward over them) resolve to the transition, when
/// the local day really starts. Assumes at most one offset change within a day
/// of the given time, which holds for every IANA zone.
pub fn first_instant_of_local_time(
    zone: &dyn ZoneRules,
    local_seconds: i64,
) -> Result<i64, ZoneError> {
    let before = zone.offset_at(local_seconds - SECONDS_PER_DAY)? as i64;
    let after = zone.offset_at(local_seconds + SECONDS_PER_DAY)? as i64;
    let mut valid = Vec::with_capacity(2);
    for offset in [before, after] {
        let candidate = local_seconds - offset;
        if zone.offset_at(candidate)? as i64 == offset {
            valid.push(candidate);
        }
    }
    if let Some(first) = valid.into_iter().min() {
        return Ok(first);
    }
    // In a gap: the transition lies between the two candidates; find it.
    let (mut low, mut high) = (
        local_seconds - after.max(before),
        local_seconds - after.min(before),
    );
    let before_offset = zone.offset_at(low)?;
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if zone.offset_at(middle)? == before_offset {
            low = middle;
        } else {
            high = middle;
        }
    }
    Ok(high)
}

#[cfg(feature = "tzdb")]
pub use tzdb::Tzdb;

#[cfg(feature = "tzdb")]
mod tzdb {
    use super::{ZoneError, ZoneResolver, ZoneRules};
    use chrono::{Offset, TimeZone};

    /// A zone from the IANA database bundled by `chrono-tz` (feature `tzdb`).
    #[derive(Clone, Copy, Debug)]
    pub struct Tzdb(chrono_tz::Tz);

    impl Tzdb {
        /// The zone of an IANA name, e.g. `"Europe/Berlin"`.
        pub fn named(name: &str) -> Result<Self, ZoneError> {
            name.parse::<chrono_tz::Tz>()
                .map(Tzdb)
                .map_err(|_| ZoneError::Unknown(name.to_string()))
        }
    }

    impl ZoneRules for Tzdb {
        fn name(&self) -> &str {
            self.0.name()
        }
        fn offset_at(&self, utc_seconds: i64) -> Result<i32, ZoneError> {
            let instant = chrono::DateTime::from_timestamp(utc_seconds, 0)
                .ok_or_else(|| ZoneError::NoOffset(self.0.name().to_string()))?;
            Ok(self
                .0
                .offset_from_utc_datetime(&instant.naive_utc())
                .fix()
                .local_minus_utc())
        }
    }

    /// Resolves every IANA name from the bundled database.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct TzdbResolver;

    impl ZoneResolver for TzdbResolver {
        fn resolve(&self, name: &str) -> Result<Box<dyn ZoneRules>, ZoneError> {
            Ok(Box::new(Tzdb::named(name)?))
        }
    }
}

#[cfg(feature = "tzdb")]
pub use tzdb::TzdbResolver;
