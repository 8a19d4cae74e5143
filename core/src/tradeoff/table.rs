//! The trade-off table: for each candidate target of one SLO, what it
//! allows, how often the record says it would have been met, the chance of
//! meeting it from the fitted (or edited) risk model, the pages, tickets
//! and release freezes the model's rules and policy would have brought,
//! and whether the dependencies can reach it.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::calculator::evaluate;
use crate::model::location::{Locate, SloAt};
use crate::model::scenario::RiskModel;
use crate::model::{Model, SliKind};
use crate::problem::Problem;
use crate::quantity::duration::ExactDuration;
use crate::quantity::figure::Figure;
use crate::quantity::target::Target;
use crate::quantity::window::Window;
use crate::quantity::zone::{ZoneResolver, ZoneRules};
use crate::record::achieved::{
    from_incidents, from_series, judge, series_span, Achieved, Basis, Record,
};
use crate::record::chance::{outlook, Chance, Evidence, Outlook};
use crate::record::fit::{fit, Fit};
use crate::record::incidents::Incident;
use crate::record::periods::{incident_span, past_periods, PastPeriod};
use crate::record::series::Sample;
use crate::tradeoff::candidates::default_candidates;
use crate::tradeoff::replay::{back_to_back, Replay, Replayed, Replayer};

/// What a table is computed from.
pub struct Inputs<'a> {
    /// The model (its alert rules, policy and dependencies count).
    pub model: &'a Model,
    /// The SLO weighed.
    pub at: SloAt,
    /// Time zones.
    pub zones: &'a dyn ZoneResolver,
    /// Past incidents, in time order (may be empty with a series).
    pub incidents: &'a [Incident],
    /// An SLI series, in time order (may be empty with incidents).
    pub samples: &'a [Sample],
    /// The record's span, Unix seconds; `None` for the series' span, or
    /// the whole periods around the incidents ([`incident_span`]).
    pub span: Option<(i64, i64)>,
    /// The candidates; empty for [`default_candidates`] of the current target.
    pub candidates: &'a [Target],
    /// A risk model as edited; `None` for the one fitted to the incidents.
    pub risk: Option<&'a RiskModel>,
    /// Judge the candidates over another window than the SLO's own, in
    /// window syntax ("month": calendar months); `None` or blank for its own.
    /// The SLO itself is not changed.
    pub judge_by: Option<&'a str>,
}

/// One candidate's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The candidate target.
    pub target: Target,
    /// Whether it is the SLO's target now.
    pub current: bool,
    /// Allowed downtime per period (a range for "every month").
    pub downtime: Option<Figure<ExactDuration>>,
    /// Allowed bad events per period, when the SLI gives its valid events.
    pub bad_events: Option<Figure<u64>>,
    /// How many incidents of the typical (median) time to restore, as full
    /// outages, fit in the shortest period's downtime.
    pub typical_incidents: Option<u64>,
    /// The chance of meeting it in a period, with the rate's uncertainty.
    pub chance: Option<Chance>,
    /// The past periods judged against it.
    pub achieved: Achieved,
    /// Whether it is above the historical best (ESF ch. 6).
    pub above_best: bool,
    /// What the alert rules and the policy would have done.
    pub replayed: Replayed,
    /// Whether the dependencies can reach it (`false`: above the ceiling).
    pub reachable: bool,
    /// Each incident's spend, percent of its period's budget (exact), in
    /// the order of the incidents given.
    pub incident_spend: Vec<Option<Decimal>>,
}

/// The whole table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The SLO's window as written ("month", "28d").
    pub window: String,
    /// Time or events.
    pub basis: Basis,
    /// The record's span, Unix seconds.
    pub span: (i64, i64),
    /// The past periods judged.
    pub periods: Vec<PastPeriod>,
    /// The risk model fitted to the incidents, or why none could be.
    pub fit: Result<Fit, String>,
    /// The risk model the chances come from (edited, or fitted).
    pub risk: Option<RiskModel>,
    /// The highest availability the dependencies allow, a fraction.
    pub ceiling: Option<Decimal>,
    /// The historical best achieved SLI, a fraction.
    pub best: Option<Decimal>,
    /// One row per candidate, lowest target first.
    pub rows: Vec<Row>,
}

/// What every row shares: the record judged, the risk model run, the
/// periods replayed. Prepared once; each candidate's row is then quick
/// (the page recomputes only the rows whose candidate changed). It owns
/// what it holds, so a page can keep it between edits.
pub struct Prepared {
    sli: crate::model::Sli,
    slo: crate::model::Slo,
    incidents: Vec<Incident>,
    record: Record,
    periods: Vec<PastPeriod>,
    span: (i64, i64),
    fit: Result<Fit, String>,
    lengths: Vec<u64>,
    evidence: Evidence,
    replayer: Replayer,
    ceiling: Option<Decimal>,
    current: Option<Target>,
    period_seconds: u64,
    window: Window,
}

/// Computes the trade-off table, or the problems (with their paths) that
/// stop it: no such SLO, its window or zone unreadable, no record.
pub fn tradeoffs(inputs: &Inputs) -> Result<Table, Vec<Problem>> {
    let prepared = Prepared::new(inputs)?;
    let candidates = prepared.candidates(inputs.candidates);
    let chances = prepared.chances(inputs.risk);
    let rows = candidates
        .iter()
        .map(|t| prepared.row(t, &chances, inputs.zones))
        .collect();
    Ok(prepared.table(&chances, rows))
}

impl Prepared {
    /// Prepares the table of `inputs` (everything but the rows).
    pub fn new(inputs: &Inputs) -> Result<Prepared, Vec<Problem>> {
        let at = inputs.at;
        let (sli, own) = at
            .find(inputs.model)
            .ok_or_else(|| vec![Problem::error(at.path(), "there is no SLO here")])?;
        let judged;
        let slo = match inputs.judge_by.map(str::trim).filter(|w| !w.is_empty()) {
            Some(window) => {
                judged = crate::model::Slo {
                    window: window.to_string(),
                    ..own.clone()
                };
                &judged
            }
            None => own,
        };
        let numbers = crate::read::slo::SloNumbers::of(sli, slo, inputs.zones);
        let window: Window = slo
            .window
            .parse()
            .map_err(|e| vec![Problem::error(at.field("window"), format!("{e}"))])?;
        let zone = inputs
            .zones
            .resolve(slo.time_zone_name())
            .map_err(|e| vec![Problem::error(at.field("timeZone"), e.to_string())])?;
        let span = span_of(inputs, &window, zone.as_ref())?;
        let periods = past_periods(&window, zone.as_ref(), span.0, span.1)
            .map_err(|e| vec![Problem::error(at.field("window"), e)])?;
        let record = if inputs.samples.is_empty() {
            from_incidents(inputs.incidents, periods.clone())
        } else {
            from_series(inputs.samples, periods.clone())
        };
        let period_seconds = match &numbers {
            Ok(n) => n.period_seconds,
            Err(_) => window.length(zone.as_ref()).map(|f| f.min()).unwrap_or(0),
        };
        let spanned = (span.1 - span.0).max(0) as u64;
        // Calendar periods differ in length: the rate is per period of their
        // mean length, and the runs draw each length as often as it came.
        let lengths: Vec<u64> = match periods.is_empty() {
            true => vec![period_seconds],
            false => periods.iter().map(PastPeriod::seconds).collect(),
        };
        let mean_length = lengths.iter().sum::<u64>() / lengths.len() as u64;
        let evidence = Evidence {
            incidents: inputs.incidents.len(),
            periods: spanned as f64 / mean_length.max(1) as f64,
        };
        let replay = Replay {
            incidents: inputs.incidents,
            samples: inputs.samples,
            periods: back_to_back(&periods),
            rules: crate::burn::alert_rules(inputs.model),
            policy: &inputs.model.policy,
            time_slice: numbers.as_ref().ok().and_then(|n| n.time_slice),
        };
        let current: Option<Target> = slo.target.parse().ok();
        // Any target will do: each candidate's run is retargeted from it.
        let base = "99.9".parse().expect("a valid target");
        Ok(Prepared {
            fit: fit(inputs.incidents, spanned, mean_length, 1),
            lengths,
            evidence,
            replayer: replay.prepare(&base),
            ceiling: ceiling_of(inputs.model, at, sli),
            incidents: inputs.incidents.to_vec(),
            sli: sli.clone(),
            slo: slo.clone(),
            record,
            periods,
            span,
            current,
            period_seconds,
            window,
        })
    }

    /// The risk model the chances come from, `risk` as edited or else the
    /// one fitted, and its run (the slow part of a row: run it once for all).
    pub fn chances(&self, risk: Option<&RiskModel>) -> Chances {
        let risk = risk
            .cloned()
            .or_else(|| self.fit.as_ref().ok().map(|f| f.model.clone()));
        let plan = risk.as_ref().and_then(|r| r.plan().ok());
        Chances {
            outlook: plan
                .as_ref()
                .map(|p| outlook(p, &self.lengths, Some(self.evidence))),
            median_seconds: plan.map(|p| p.median_seconds as u64),
            risk,
        }
    }

    /// The candidates a table weighs: `given`, or when none are given
    /// [`default_candidates`] of the SLO's current target (none when it
    /// does not read).
    pub fn candidates(&self, given: &[Target]) -> Vec<Target> {
        match (given, self.current) {
            ([], Some(current)) => default_candidates(&current),
            (given, _) => given.to_vec(),
        }
    }

    /// The risk model fitted to the incidents, or why none could be.
    pub fn fit(&self) -> &Result<Fit, String> {
        &self.fit
    }

    /// The table of `rows` (from [`Prepared::row`]).
    pub fn table(&self, chances: &Chances, rows: Vec<Row>) -> Table {
        Table {
            window: self.slo.window.trim().to_string(),
            basis: self.record.basis,
            span: self.span,
            best: rows.first().and_then(|r| r.achieved.best),
            periods: self.periods.clone(),
            fit: self.fit.clone(),
            risk: chances.risk.clone(),
            ceiling: self.ceiling,
            rows,
        }
    }
}

/// The risk model of a table and its Monte Carlo run ([`Prepared::chances`]).
pub struct Chances {
    /// The risk model (edited, or fitted); `None` without either.
    pub risk: Option<RiskModel>,
    outlook: Option<Outlook>,
    median_seconds: Option<u64>,
}

/// The highest availability the SLO's service can reach with its
/// dependencies, for an availability SLI.
fn ceiling_of(model: &Model, at: SloAt, sli: &crate::model::Sli) -> Option<Decimal> {
    if sli.kind != SliKind::Availability {
        return None;
    }
    let analysis = crate::dependency::analyze(model);
    analysis.composites.get(at.service().1)?.as_ref()?.ceiling()
}

/// The span given, the series', or the whole periods around the incidents.
fn span_of(
    inputs: &Inputs,
    window: &Window,
    zone: &dyn ZoneRules,
) -> Result<(i64, i64), Vec<Problem>> {
    if let Some(span) = inputs.span {
        return Ok(span);
    }
    if let Some(span) = series_span(inputs.samples) {
        return Ok(span);
    }
    let first = inputs.incidents.iter().map(|i| i.start).min();
    let last = inputs.incidents.iter().map(|i| i.end()).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Err(vec![Problem::error(
            "history",
            "bring past incidents or an SLI series to weigh targets against",
        )]);
    };
    incident_span(window, zone, first, last).map_err(|e| vec![Problem::error("history", e)])
}

impl Prepared {
    /// One candidate's row, its chance from `chances`; `zones` as the
    /// table was prepared with.
    pub fn row(&self, target: &Target, chances: &Chances, zones: &dyn ZoneResolver) -> Row {
        let mut form = crate::report::slo_form(&self.sli, &self.slo);
        form.target = target.to_string();
        let view = evaluate(&form, zones);
        let downtime = view.downtime;
        let bad_events = view.events.and_then(|e| e.ok()).map(|e| e.allowed_bad);
        let achieved = judge(&self.record, target);
        let row = Row {
            target: *target,
            current: self.current == Some(*target),
            downtime,
            bad_events,
            typical_incidents: None,
            chance: None,
            above_best: achieved.above_best(target),
            achieved,
            replayed: self.replayer.against(target),
            reachable: self.ceiling.is_none_or(|c| target.fraction() <= c),
            incident_spend: {
                // Periods are of a few lengths: each length's budget once.
                let mut budgets: Vec<(u64, Option<Decimal>)> = Vec::new();
                self.incidents
                    .iter()
                    .map(|i| self.spend(i, target, &mut budgets))
                    .collect()
            },
        };
        with_chances(row, chances)
    }

    /// An incident's bad time as a share of the budget of the period it
    /// started in (the SLO's period when it is outside the record), percent.
    fn spend(
        &self,
        incident: &Incident,
        target: &Target,
        budgets: &mut Vec<(u64, Option<Decimal>)>,
    ) -> Option<Decimal> {
        let seconds = match self.window {
            Window::Calendar(_) => {
                // Calendar periods follow one another in order.
                let periods = &self.record.periods;
                let after = periods.partition_point(|p| p.period.start <= incident.start);
                after
                    .checked_sub(1)
                    .map(|k| &periods[k])
                    .filter(|p| incident.start < p.period.end)
                    .map_or(self.period_seconds, |p| p.period.seconds())
            }
            Window::Rolling { .. } => self.period_seconds,
        };
        let allowed = match budgets.iter().find(|(length, _)| *length == seconds) {
            Some((_, allowed)) => (*allowed)?,
            None => {
                let allowed = crate::budget::allowed_downtime(target, seconds)
                    .ok()
                    .map(|d| d.seconds());
                budgets.push((seconds, allowed));
                allowed?
            }
        };
        incident
            .bad_seconds()
            .checked_div(allowed)?
            .checked_mul(Decimal::ONE_HUNDRED)
    }
}

/// `row` with the figures that come from the risk model's run (the chance
/// of meeting it, the typical incidents that fit) taken from `chances`:
/// all a row needs again when only the risk model changed.
pub fn with_chances(mut row: Row, chances: &Chances) -> Row {
    let budget = row.target.error_budget().fraction().to_f64().unwrap_or(0.0);
    row.chance = chances.outlook.as_ref().map(|o| o.chance(budget));
    let shortest = row.downtime.as_ref().map(|d| d.min().seconds());
    row.typical_incidents = match (shortest, chances.median_seconds) {
        (Some(allowed), Some(median)) if median > 0 => {
            (allowed / Decimal::from(median)).floor().to_u64()
        }
        _ => None,
    };
    row
}
