//! `promtool test rules` unit tests for the Prometheus rules
//! ([`super::prometheus`]): for every exported SLO, a full outage and a slow
//! burn on synthetic counters, asserting that each alert fires no earlier
//! and no later than the detection time the alert table shows
//! ([`crate::alerting::detection_time`]), to the evaluation interval.
//!
//! The tests run against a twin of the rules whose queries are synthetic
//! counters (`slo_test_valid_total{sli="<path>"}`, and `slo_test_bad_total`
//! or `slo_test_good_total`); everything else (windows, thresholds, `for`,
//! labels, annotations) is written by the same code as the real rules.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::alerting::detection_time;
use crate::export::comment;
use crate::export::names::prometheus_duration;
use crate::export::prometheus::{prometheus_rules, unusable_queries, SloRules};
use crate::model::location::{Locate, SloAt};
use crate::model::{Counts, Model, SliQueries, PROMETHEUS};
use crate::quantity::zone::ZoneResolver;

/// Valid events per sample in the synthetic series.
const VALID_PER_SAMPLE: u64 = 1_000_000;
/// The most samples a test may hold (longer ones are listed as not tested).
const MAX_SAMPLES: u64 = 50_000;

/// The twin rule file and the tests that load it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromtoolTests {
    /// The rules, with synthetic queries.
    pub rules_yaml: String,
    /// The unit tests, naming `rules_file` as their rule file.
    pub tests_yaml: String,
}

#[derive(Serialize)]
struct TestFile {
    rule_files: Vec<String>,
    evaluation_interval: String,
    tests: Vec<TestCase>,
}

#[derive(Serialize)]
struct TestCase {
    name: String,
    interval: String,
    input_series: Vec<Series>,
    alert_rule_test: Vec<AlertTest>,
}

#[derive(Serialize)]
struct Series {
    series: String,
    values: String,
}

#[derive(Serialize)]
struct AlertTest {
    eval_time: String,
    alertname: String,
    exp_alerts: Vec<Expected>,
}

#[derive(Serialize)]
struct Expected {
    exp_labels: BTreeMap<String, String>,
    exp_annotations: BTreeMap<String, String>,
}

/// The model with every SLI that has usable Prometheus queries counting
/// synthetic counters labelled with the SLI's path.
fn twin(model: &Model) -> Model {
    let mut twin = model.clone();
    for (s, service) in twin.services.iter_mut().enumerate() {
        for (j, journey) in service.journeys.iter_mut().enumerate() {
            for (i, sli) in journey.slis.iter_mut().enumerate() {
                if unusable_queries(sli.queries.as_ref()).is_some() {
                    continue;
                }
                let counts = sli.queries.as_ref().map(|q| q.counts).unwrap_or_default();
                let path = SloAt::new(s, j, i, 0).0.path();
                let counted = match counts {
                    Counts::Good => "slo_test_good_total",
                    Counts::Bad => "slo_test_bad_total",
                };
                sli.queries = Some(SliQueries {
                    source: PROMETHEUS.into(),
                    counter: true,
                    counts,
                    counted: format!("{counted}{{sli=\"{path}\"}}"),
                    total: format!("slo_test_valid_total{{sli=\"{path}\"}}"),
                });
            }
        }
    }
    twin
}

/// The twin rules and their unit tests; `rules_file` is the name under
/// which the caller writes [`PromtoolTests::rules_yaml`].
pub fn promtool_tests(model: &Model, zones: &dyn ZoneResolver, rules_file: &str) -> PromtoolTests {
    let rules = prometheus_rules(&twin(model), zones, None);
    let mut tests = Vec::new();
    let mut untested = Vec::new();
    let mut interval = None;
    for slo in &rules.slos {
        match slo_cases(slo) {
            Ok((step, cases)) => {
                interval.get_or_insert(step);
                tests.extend(cases);
            }
            Err(why) => untested.push(format!("  {}: {why}", slo.title)),
        }
    }
    let file = TestFile {
        rule_files: vec![rules_file.to_string()],
        evaluation_interval: interval.unwrap_or_else(|| "1m".into()),
        tests,
    };
    let mut header = vec![format!(
        "promtool unit tests of the Prometheus rules for {}, written by slo-planner: run `promtool test rules` on this file.",
        rules.team
    )];
    if !untested.is_empty() {
        header.push("Not tested:".into());
        header.extend(untested);
    }
    let body = if file.tests.is_empty() {
        format!("rule_files: [{rules_file:?}]\ntests: []\n")
    } else {
        serde_saphyr::to_string(&file).unwrap_or_default()
    };
    PromtoolTests {
        rules_yaml: rules.yaml(),
        tests_yaml: format!("{}{body}", comment(&header)),
    }
}

/// An SLO's two cases and their sample interval, or why it has none.
fn slo_cases(slo: &SloRules) -> Result<(String, Vec<TestCase>), String> {
    let step_duration = slo
        .alerts
        .iter()
        .map(|a| a.rule.evaluation_interval)
        .min_by_key(|d| d.seconds())
        .ok_or("the model has no alert rules")?;
    let step = step_duration.whole_seconds_up().max(1);
    if slo
        .alerts
        .iter()
        .any(|a| a.rule.evaluation_interval != step_duration)
    {
        return Err("its alert rules have different evaluation intervals".into());
    }
    let step_text = prometheus_duration(&step_duration)
        .ok_or("its evaluation interval is not whole milliseconds")?;
    let longest = slo
        .windows()
        .last()
        .map(|w| w.whole_seconds_up())
        .unwrap_or(step);
    let history = longest.div_ceil(step) + 1;
    let lowest = slo
        .alerts
        .iter()
        .map(|a| a.threshold)
        .min()
        .unwrap_or(Decimal::ONE);
    // 1.45 times the lowest threshold: its detection time falls between two
    // evaluations, so the check never rests on a tie in floating point.
    let slow = (lowest * Decimal::new(145, 2)).min(Decimal::ONE);
    let mut cases = vec![case(
        slo,
        "a full outage",
        Decimal::ONE,
        history,
        step,
        &step_text,
    )?];
    if slow < Decimal::ONE {
        cases.push(case(slo, "a slow burn", slow, history, step, &step_text)?);
    }
    Ok((step_text, cases))
}

/// One case: `history` samples of clean traffic, then errors at `ratio`.
fn case(
    slo: &SloRules,
    what: &str,
    ratio: Decimal,
    history: u64,
    step: u64,
    step_text: &str,
) -> Result<TestCase, String> {
    let bad = (ratio * Decimal::from(VALID_PER_SAMPLE))
        .round()
        .to_u64()
        .ok_or("out of range")?
        .max(1);
    let ratio = Decimal::from(bad) / Decimal::from(VALID_PER_SAMPLE);
    // The first evaluation (in samples after the errors start) at or after each detection time.
    let firsts: Vec<Option<u64>> = slo
        .alerts
        .iter()
        .map(|a| {
            detection_time(&a.rule, &slo.target, slo.period_seconds, ratio).map(|t| {
                t.seconds()
                    .checked_div(Decimal::from(step))
                    .and_then(|k| k.ceil().to_u64())
                    .unwrap_or(u64::MAX)
            })
        })
        .collect();
    let length = firsts
        .iter()
        .flatten()
        .map(|k| k + 2)
        .max()
        .unwrap_or(0)
        .max(2);
    if history + length > MAX_SAMPLES {
        return Err(format!(
            "its test would need more than {MAX_SAMPLES} samples"
        ));
    }
    let checks = checks(slo, &firsts, length, |samples| {
        format!("{}s", (history + samples) * step)
    });
    let valid = VALID_PER_SAMPLE;
    let total = history + length;
    let counted = match slo.queries.counts {
        Counts::Bad => format!("0x{history} {bad}+{bad}x{}", length - 1),
        Counts::Good => {
            let good = valid - bad;
            format!(
                "0+{valid}x{history} {}+{good}x{}",
                valid * history + good,
                length - 1
            )
        }
    };
    Ok(TestCase {
        name: format!(
            "{}: {what} ({} % errors)",
            slo.title,
            (ratio * Decimal::ONE_HUNDRED).normalize()
        ),
        interval: step_text.to_string(),
        input_series: vec![
            Series {
                series: slo.queries.total.clone(),
                values: format!("0+{valid}x{total}"),
            },
            Series {
                series: slo.queries.counted.clone(),
                values: counted,
            },
        ],
        alert_rule_test: checks,
    })
}

/// For each alert: not firing one evaluation before its first evaluation
/// at or after the detection time (`firsts`, in samples after the errors
/// start), firing one after it; never-firing alerts checked at the end.
fn checks(
    slo: &SloRules,
    firsts: &[Option<u64>],
    length: u64,
    at: impl Fn(u64) -> String,
) -> Vec<AlertTest> {
    let mut checks = Vec::new();
    for (alert, first) in slo.alerts.iter().zip(firsts) {
        let expected = || Expected {
            exp_labels: slo
                .labels()
                .into_iter()
                .chain(alert.labels.clone())
                .collect(),
            exp_annotations: alert.annotations.clone(),
        };
        let mut check = |samples: u64, firing: bool| {
            checks.push(AlertTest {
                eval_time: at(samples),
                alertname: alert.name.clone(),
                exp_alerts: if firing { vec![expected()] } else { Vec::new() },
            })
        };
        match first {
            Some(k) => {
                if *k >= 1 {
                    check(k - 1, false);
                }
                check(k + 1, true);
            }
            None => check(length, false),
        }
    }
    checks
}
