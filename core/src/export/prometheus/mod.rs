//! Prometheus rules for the model's SLOs (SRE Workbook ch. 5, "Alerting on
//! SLOs"; the shape of sloth's `google` windows, so teams can compare):
//! recording rules for the error ratio over every window the model's alert
//! rules use, and for each SLO and rule a multi-window, multi-burn-rate
//! alert whose threshold is rescaled to the SLO's period (2 % of a 28-day
//! budget in 1 h is a burn rate of 13.44, not 14.4).
//!
//! Recorded: `slo:sli_error:ratio_rate<window>` (the error ratio, a
//! fraction), `slo:objective:ratio` and `slo:error_budget:ratio`, labelled
//! `slo_id`, `slo_service` and `slo_name`. An alert holds when the error
//! ratio over its long and short windows is at least `burn rate x (1 -
//! SLO)`; its `for` is the rule's alert-after time. [`yaml`] writes the file.

use std::collections::BTreeMap;

pub mod history;
pub mod yaml;

use rust_decimal::Decimal;

use crate::alerting::{alert_table, RuleFigures, ROUNDING_RULE};
use crate::burn::alert_rules;
use crate::export::names::{camel, prometheus_duration, DistinctLabels};
use crate::export::Skipped;
use crate::model::kind::Kind;
use crate::model::location::{every_slo, SloEntry};
use crate::model::{Counts, Model, SliQueries, WINDOW_PLACEHOLDER};
use crate::quantity::duration::ExactDuration;
use crate::quantity::target::Target;
use crate::quantity::zone::ZoneResolver;
use crate::read::alert_rule::AlertRule;
use crate::read::slo::SloNumbers;
use crate::report::document::slo_name;

/// The rules of one SLO.
#[derive(Clone, Debug, PartialEq)]
pub struct SloRules {
    /// The `slo_id` label: a DNS label, distinct in the file.
    pub id: String,
    /// The SLO as "service / SLO name".
    pub title: String,
    /// The SLO's service's name (`slo_service`).
    pub service: String,
    /// The SLO's name (`slo_name`).
    pub name: String,
    /// The SLO's path in the model.
    pub path: String,
    /// Its target.
    pub target: Target,
    /// Its compliance period in seconds (a calendar month's shortest).
    pub period_seconds: u64,
    /// Its SLI's queries.
    pub queries: SliQueries,
    /// The alert per rule of the model.
    pub alerts: Vec<SloAlert>,
}

/// One rule's alert for one SLO.
#[derive(Clone, Debug, PartialEq)]
pub struct SloAlert {
    /// The alert's name ("ErrorBudgetFastBurn"), the same for every SLO.
    pub name: String,
    /// The rule.
    pub rule: AlertRule,
    /// Its figures for this SLO (the alert table's row).
    pub figures: RuleFigures,
    /// The error ratio it fires at, a fraction: burn rate x (1 - SLO), exact.
    pub threshold: Decimal,
    /// Its labels beyond the recorded series' own.
    pub labels: BTreeMap<String, String>,
    /// Its annotations.
    pub annotations: BTreeMap<String, String>,
}

/// What [`prometheus_rules`] writes: the SLOs with rules, and the SLOs left out.
#[derive(Clone, Debug, PartialEq)]
pub struct PrometheusRules {
    /// The team's name, for the file's header.
    pub team: String,
    /// Every SLO that has rules.
    pub slos: Vec<SloRules>,
    /// Every SLO left out, with why.
    pub skipped: Vec<Skipped>,
}

/// The Prometheus rules of every SLO whose SLI has Prometheus queries.
/// Time-slice SLOs, SLIs without Prometheus queries and SLOs whose numbers
/// or rules cannot be read are [`PrometheusRules::skipped`], with why.
/// `link` (a URL back to the model) is written in every alert's
/// `slo_planner_url` annotation, and the team and SLO names in its
/// `slo_planner_slo` ("Shop / Checkout / 99.9 % succeed"): both stable, so
/// an edit elsewhere in the model leaves the rules file as it is.
pub fn prometheus_rules(
    model: &Model,
    zones: &dyn ZoneResolver,
    link: Option<&str>,
) -> PrometheusRules {
    let rules = alert_rules(model);
    let alert_names = alert_names(&rules);
    let mut ids = DistinctLabels::default();
    let mut slos = Vec::new();
    let mut skipped = Vec::new();
    for entry in every_slo(model) {
        let title = format!(
            "{} / {}",
            entry.service.name,
            slo_name(entry.sli, entry.slo)
        );
        match slo_rules(&entry, zones, &rules, &alert_names, link) {
            Ok(mut slo) => {
                slo.id = ids.label(&title, "slo");
                for alert in &mut slo.alerts {
                    alert.labels.insert("slo_id".into(), slo.id.clone());
                    alert.annotations.insert(
                        "slo_planner_slo".into(),
                        format!("{} / {title}", model.team.name),
                    );
                }
                slos.push(slo);
            }
            Err(why) => skipped.push(Skipped {
                title,
                path: crate::model::location::Locate::path(&entry.at),
                why,
            }),
        }
    }
    PrometheusRules {
        team: model.team.name.clone(),
        slos,
        skipped,
    }
}

/// "ErrorBudget" and the rule's name in UpperCamelCase, distinct per rule.
fn alert_names(rules: &[AlertRule]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        let mut name = format!(
            "ErrorBudget{}",
            camel(&rule.name, &format!("Rule{}", i + 1))
        );
        if names.contains(&name) {
            name = format!("{name}{}", i + 1);
        }
        names.push(name);
    }
    names
}

/// Why an SLI's queries cannot become Prometheus rules, if they cannot.
pub fn unusable_queries(queries: Option<&SliQueries>) -> Option<String> {
    let Some(q) = queries else {
        return Some("its SLI has no queries (the Model page, the SLI's queries)".into());
    };
    if !q.is_prometheus() {
        return Some(format!(
            "its SLI's queries are for {}, not Prometheus",
            q.source.trim()
        ));
    }
    let counted = match q.counts {
        Counts::Good => "good",
        Counts::Bad => "bad",
    };
    for (what, query) in [(counted, &q.counted), ("valid", &q.total)] {
        if query.trim().is_empty() {
            return Some(format!("its SLI's query for {what} events is empty"));
        }
        if !q.counter && !query.contains(WINDOW_PLACEHOLDER) {
            return Some(format!(
                "its SLI's query for {what} events is not a counter and does not write the window as {WINDOW_PLACEHOLDER}"
            ));
        }
    }
    None
}

fn slo_rules(
    entry: &SloEntry<'_>,
    zones: &dyn ZoneResolver,
    rules: &[AlertRule],
    alert_names: &[String],
    link: Option<&str>,
) -> Result<SloRules, String> {
    let numbers = SloNumbers::of(entry.sli, entry.slo, zones)
        .map_err(|e| format!("its numbers cannot be read ({e})"))?;
    if numbers.time_slice.is_some() {
        return Err("it is time-slice based: a slice is good or bad by its own rule, which a ratio of two counters cannot express (the OpenSLO export keeps it, as Timeslices)".into());
    }
    if let Some(why) = unusable_queries(entry.sli.queries.as_ref()) {
        return Err(why);
    }
    for rule in rules {
        for window in [
            Some(rule.long_window),
            rule.short_window,
            Some(rule.evaluation_interval),
        ]
        .into_iter()
        .flatten()
        {
            if prometheus_duration(&window).is_none() {
                return Err(format!("the alert rule \"{}\" has a duration ({window}) that is not whole milliseconds, which Prometheus cannot hold", rule.name));
            }
        }
    }
    let figures = alert_table(rules, &numbers.target, numbers.period_seconds, None)
        .map_err(|e| e.to_string())?;
    let name = slo_name(entry.sli, entry.slo);
    let mut slo = SloRules {
        id: String::new(),
        title: format!("{} / {name}", entry.service.name),
        service: entry.service.name.clone(),
        name,
        path: crate::model::location::Locate::path(&entry.at),
        target: numbers.target,
        period_seconds: numbers.period_seconds,
        queries: entry.sli.queries.clone().unwrap_or_default(),
        alerts: Vec::new(),
    };
    let budget = numbers.target.error_budget().fraction();
    for ((rule, figures), alert) in rules.iter().zip(figures).zip(alert_names) {
        let threshold = figures
            .burn_rate
            .checked_mul(budget)
            .ok_or_else(|| format!("the alert rule \"{}\" is out of range", rule.name))?
            .normalize();
        let annotations = annotations(&slo, rule, &figures, &entry.slo.window, link);
        slo.alerts.push(SloAlert {
            name: alert.clone(),
            labels: BTreeMap::from([
                ("severity".to_string(), rule.notify.key().to_string()),
                ("slo_rule".to_string(), rule.name.clone()),
            ]),
            annotations,
            rule: rule.clone(),
            figures,
            threshold,
        });
    }
    Ok(slo)
}

fn annotations(
    slo: &SloRules,
    rule: &AlertRule,
    f: &RuleFigures,
    window: &str,
    link: Option<&str>,
) -> BTreeMap<String, String> {
    let windows = match &f.short_window {
        Some(short) => format!("{} and {short}", f.long_window),
        None => f.long_window.clone(),
    };
    let shown = f.clone().rounded();
    let description = format!(
        "The error ratio has been at least {} % (burn rate {}) over the last {windows}: {} % of the {} error budget is spent when this fires. At this rate the whole budget lasts {}. Rounded: {ROUNDING_RULE}.",
        shown.error_ratio_percent,
        shown.burn_rate,
        f.budget_consumed_percent.round_dp(4).normalize(),
        window.trim(),
        f.time_to_exhaustion,
    );
    let mut map = BTreeMap::from([
        (
            "summary".to_string(),
            format!("{}: {} ({})", slo.title, rule.name, rule.notify.key()),
        ),
        ("description".to_string(), description),
    ]);
    if let Some(link) = link.filter(|l| !l.trim().is_empty()) {
        map.insert("slo_planner_url".into(), link.trim().to_string());
    }
    map
}

/// The events a query counts over `window` (Prometheus syntax): the rate of
/// a counter, or the query with its window written in.
fn events(query: &str, counter: bool, window: &str) -> String {
    if counter {
        format!("sum(rate({}[{window}]))", query.trim())
    } else {
        query.trim().replace(WINDOW_PLACEHOLDER, window)
    }
}

/// The error ratio over `window`: bad / valid, or 1 - good / valid.
pub fn error_ratio(queries: &SliQueries, window: &str) -> String {
    let counted = events(&queries.counted, queries.counter, window);
    let total = events(&queries.total, queries.counter, window);
    match queries.counts {
        Counts::Bad => format!("({counted})\n/\n({total})"),
        Counts::Good => format!("1 - (\n  ({counted})\n  /\n  ({total})\n)"),
    }
}

/// The recorded error ratio's name for a window ("slo:sli_error:ratio_rate5m").
pub fn recorded(window: &str) -> String {
    format!("slo:sli_error:ratio_rate{window}")
}

impl SloRules {
    /// The labels of every series recorded for this SLO.
    pub fn labels(&self) -> BTreeMap<String, String> {
        BTreeMap::from([
            ("slo_id".to_string(), self.id.clone()),
            ("slo_name".to_string(), self.name.clone()),
            ("slo_service".to_string(), self.service.clone()),
        ])
    }

    /// Every window the alerts use, shortest first, each once.
    pub fn windows(&self) -> Vec<ExactDuration> {
        let mut windows: Vec<ExactDuration> = self
            .alerts
            .iter()
            .flat_map(|a| [Some(a.rule.long_window), a.rule.short_window])
            .flatten()
            .collect();
        windows.sort_by_key(|w| w.seconds());
        windows.dedup();
        windows
    }
}
