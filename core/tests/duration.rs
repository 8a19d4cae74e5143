//! Durations: display as people write them, parse what they type.

use slo_core::ExactDuration;

fn shown(seconds: &str) -> String {
    ExactDuration::from_seconds(seconds.parse().unwrap())
        .unwrap()
        .to_string()
}

#[test]
fn display_examples() {
    for (seconds, text) in [
        ("2592", "43m 12s"),
        ("60.48", "1m 0.48s"),
        ("31536", "8h 45m 36s"),
        ("315360", "3d 15h 36m"),
        ("25.92", "25.92s"),
        ("0.031536", "31.536ms"),
        ("0.0000259", "25.9µs"),
        ("0.0000000005", "0.5ns"),
        ("25920", "7h 12m"),
        ("0", "0s"),
        ("86400", "1d"),
        ("2419.2", "40m 19.2s"),
    ] {
        assert_eq!(shown(seconds), text, "{seconds} s");
    }
}

#[test]
fn parses_what_people_type() {
    for (typed, seconds) in [
        ("43m 12s", "2592"),
        ("43m12s", "2592"),
        ("1m 0.48s", "60.48"),
        ("31.536ms", "0.031536"),
        ("1.5h", "5400"),
        ("2w", "1209600"),
        ("3d 15h 36m", "315360"),
        ("90 min", "5400"),
        ("5 us", "0.000005"),
        ("25.9µs", "0.0000259"),
    ] {
        let d: ExactDuration = typed.parse().unwrap();
        assert_eq!(d.seconds().to_string(), seconds, "{typed:?}");
    }
}

#[test]
fn bad_durations_name_the_bad_part() {
    let message = |t: &str| t.parse::<ExactDuration>().unwrap_err().to_string();
    assert_eq!(message(""), "enter a duration, e.g. 43m 12s");
    assert_eq!(
        message("43"),
        "\"43\" has no unit: add one of d, h, m, s, ms"
    );
    assert_eq!(
        message("43x"),
        "unknown unit \"x\": use w, d, h, m, s, ms, µs or ns"
    );
    assert_eq!(
        message("abc"),
        "\"abc\" is not a duration: write e.g. 43m 12s or 1h 30m"
    );
    assert_eq!(
        message("1m 2..5s"),
        "\"2..5s\" is not a duration: write e.g. 43m 12s or 1h 30m"
    );
    assert_eq!(message("-5m"), "a duration cannot be negative");
    // Letters beyond ASCII are part of the unit, so the message names it.
    assert_eq!(
        message("28д"),
        "unknown unit \"д\": use w, d, h, m, s, ms, µs or ns"
    );
}
