//! Reading targets as people type them, and every message for bad input.

use slo_core::quantity::nines::{nines_name, one_in};
use slo_core::Target;

fn message(text: &str) -> String {
    text.parse::<Target>().unwrap_err().to_string()
}

#[test]
fn accepts_what_people_type() {
    for (typed, canonical) in [
        ("99.9", "99.9"),
        (" 99.95 ", "99.95"),
        ("99.9%", "99.9"),
        ("99.90", "99.9"),
        ("099.9", "99.9"),
        (".5", "0.5"),
        ("90.", "90"),
        ("99.999999999999999", "99.999999999999999"),
    ] {
        assert_eq!(
            typed.parse::<Target>().unwrap().to_string(),
            canonical,
            "{typed:?}"
        );
    }
}

#[test]
fn bad_input_messages_name_the_value() {
    assert_eq!(
        message("100"),
        "100 % leaves no error budget: choose a target below 100"
    );
    assert_eq!(
        message("100.000"),
        "100 % leaves no error budget: choose a target below 100"
    );
    assert_eq!(
        message("abc"),
        "\"abc\" is not a number: type a percentage such as 99.9"
    );
    assert_eq!(
        message("99.9.9"),
        "\"99.9.9\" is not a number: type a percentage such as 99.9"
    );
    assert_eq!(
        message("-1"),
        "-1 % is not a target: it must be above 0 and below 100"
    );
    assert_eq!(
        message("0"),
        "0 % is not a target: it must be above 0 and below 100"
    );
    assert_eq!(
        message("101"),
        "101 % is above 100 %: a target must be below 100"
    );
    assert_eq!(
        message("1000"),
        "1000 % is above 100 %: a target must be below 100"
    );
    assert_eq!(message(""), "enter a target in percent, e.g. 99.9");
    assert_eq!(message("  "), "enter a target in percent, e.g. 99.9");
    assert_eq!(
        message("1e2"),
        "\"1e2\" is not a number: type a percentage such as 99.9"
    );
    assert_eq!(
        message("99.9999999999999999"),
        "\"99.9999999999999999\" has more than 15 decimal places"
    );
}

#[test]
fn nines_names() {
    let name = |t: &str| nines_name(&t.parse().unwrap());
    assert_eq!(name("90"), "one nine");
    assert_eq!(name("95"), "one and a half nines");
    assert_eq!(name("99"), "two nines");
    assert_eq!(name("99.5"), "two and a half nines");
    assert_eq!(name("99.9"), "three nines");
    assert_eq!(name("99.95"), "three and a half nines");
    assert_eq!(name("99.99"), "four nines");
    assert_eq!(name("99.999"), "five nines");
    assert_eq!(name("99.9995"), "five and a half nines");
    assert_eq!(name("99.7"), "between two and three nines");
    assert_eq!(name("50"), "less than one nine");
}

#[test]
fn one_in_n() {
    let phrase = |t: &str| one_in(&t.parse().unwrap()).phrase();
    assert_eq!(phrase("99.9"), "1 in 1,000");
    assert_eq!(phrase("99.95"), "1 in 2,000");
    assert_eq!(phrase("99.9995"), "1 in 200,000");
    assert_eq!(phrase("99.7"), "about 1 in 333");
    assert_eq!(phrase("60"), "1 in 2.5");
}
