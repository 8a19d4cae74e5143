//! The Trade-offs page's heavy half, a chunk of its own in the release site:
//! the SLO's history read (its incidents, an SLI series brought for the
//! session), the trade-off table (`slo_core::tradeoff`, the same table
//! `slo tradeoffs` prints), its chart, and the views that show them.
//!
//! An edit re-runs only what it touches: the record is read, judged and
//! replayed ([`Prepared`]) when the incidents, the span or the rest of the
//! model change; the Monte Carlo run ([`Chances`]) when the risk model does;
//! a row when its candidate does (the others are kept; a risk edit gives
//! the kept rows their chances from the new run).

use std::sync::Arc;

use leptos::prelude::*;
use slo_core::model::location::{HistoryAt, Locate, RiskAt, SloAt};
use slo_core::model::scenario::RiskModel;
use slo_core::problem::Problem;
use slo_core::quantity::zone::{Utc, ZoneResolver};
use slo_core::record::series::{read_any_series, Sample};
use slo_core::record::{Imported, RowProblem};
use slo_core::tradeoff::candidates::read_candidates;
use slo_core::tradeoff::saved::{saved_from, Saved};
use slo_core::tradeoff::table::{with_chances, Chances, Inputs, Prepared, Row, Table};
use slo_core::Target;

use crate::browser::IntlZones;
use crate::workshop::state::Workshop;
use crate::workshop::views::incident_slices::IncidentSlices;
use crate::workshop::views::tradeoff_table::{row_problems, TableView};

/// A value kept between memos and equal only to itself: the table's parts
/// are costly to compare, and are remade only when what they come from changes.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// An SLI series file brought into the page: kept for the session only (a
/// year per minute is too large for the model).
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesFile {
    /// The file's name.
    pub name: String,
    /// Its text.
    pub text: Shared<String>,
}

/// The record read and prepared: the saved history (its incidents and the
/// rows left out) and the table's shared part, or what stops it.
pub struct Record {
    /// The saved history as read.
    pub saved: Saved,
    /// The table's shared part.
    pub prepared: Result<Prepared, Vec<Problem>>,
}

/// The Trade-offs page's heavy half: what it shows of the history and the
/// table. The page gets it after its editors are up.
#[derive(Clone, Copy)]
pub struct TradeoffParts {
    /// Under the incidents: how many were read, and the rows left out.
    pub incidents_read: Callback<(), AnyView>,
    /// Under the series: how many samples were read, and the rows left out.
    pub series_read: Callback<(), AnyView>,
    /// The table, its chart and the choose buttons.
    pub table: Callback<(), AnyView>,
    /// The fitted risk model in words, under the risk model's fields.
    pub fit: Callback<(), AnyView>,
    /// The fitted risk model, for "Edit the fitted model".
    pub fitted: Signal<Option<RiskModel>>,
}

/// The series as read in the SLO's time zone, once one is brought.
type SeriesRead = Memo<Option<Shared<Result<Imported<Sample>, String>>>>;

/// Builds the table of the SLO `slo` of the workshop's model and its views.
pub fn tradeoff_parts(
    workshop: Workshop,
    slo: Memo<Option<SloAt>>,
    series: RwSignal<Option<SeriesFile>>,
) -> TradeoffParts {
    let model = workshop.model;
    let zone = Memo::new(move |_| {
        let at = slo.get()?;
        model.with(|m| at.get(m).map(|s| s.time_zone_name().to_string()))
    });
    let samples: SeriesRead = Memo::new(move |_| {
        let file = series.get()?;
        let zone = zone.get().and_then(|z| IntlZones.resolve(&z).ok());
        let zone = zone.unwrap_or_else(|| Box::new(Utc));
        Some(Shared(Arc::new(read_any_series(
            &file.text.0,
            zone.as_ref(),
        ))))
    });
    let judge_by = RwSignal::new(String::new());
    let slices = IncidentSlices::new(workshop, slo);
    let record = record_memo(workshop, slo, slices, samples, judge_by);
    let risk = Memo::new(move |_| {
        let at = slo.get()?;
        model.with(|m| RiskAt::History(at).get(m).cloned())
    });
    let chances = Memo::new(move |_| {
        let record = record.get()?;
        let prepared = record.0.prepared.as_ref().ok()?;
        Some(Shared(Arc::new(
            risk.with(|r| prepared.chances(r.as_ref())),
        )))
    });
    let candidates = candidates_memo(workshop, slo);
    let table = table_memo(record, chances, candidates);
    let fitted = Signal::derive(move || {
        let record = record.get()?;
        let prepared = record.0.prepared.as_ref().ok()?;
        prepared.fit().as_ref().ok().map(|f| f.model.clone())
    });
    TradeoffParts {
        incidents_read: Callback::new(move |()| {
            view! { {slices.progress_line()} {incidents_read(record)} }.into_any()
        }),
        series_read: Callback::new(move |()| series_read(samples).into_any()),
        table: Callback::new(move |()| {
            view! { <TableView workshop slo record table judge_by /> }.into_any()
        }),
        fit: Callback::new(move |()| fit_words(table).into_any()),
        fitted,
    }
}

/// The record, read and prepared again only when the model changes
/// outside the history's candidates and risk model (those change rows and
/// the run, not the record), or the series does.
fn record_memo(
    workshop: Workshop,
    slo: Memo<Option<SloAt>>,
    slices: IncidentSlices,
    samples: SeriesRead,
    judge_by: RwSignal<String>,
) -> Memo<Option<Shared<Record>>> {
    let basis = Memo::new(move |_| {
        let at = slo.get()?;
        let mut model = workshop.model.with(Clone::clone);
        if let Some(history) = at.get_mut(&mut model).and_then(|s| s.history.as_mut()) {
            history.candidates.clear();
            history.risk = None;
        }
        Some(model)
    });
    Memo::new(move |_| {
        let at = slo.get()?;
        let samples = samples.get();
        let rows: &[Sample] = match &samples {
            Some(Shared(read)) => match read.as_ref() {
                Ok(r) => &r.rows[..],
                Err(_) => &[],
            },
            None => &[],
        };
        let judge_by = judge_by.get();
        // A large paste: the record waits until it is read.
        let read = slices.incidents()?.map(|read| read.0.as_ref().clone());
        basis.with(|model| {
            let model = model.as_ref()?;
            let saved = saved_from(model, at, &IntlZones, read);
            let inputs = Inputs {
                model,
                at,
                zones: &IntlZones,
                incidents: &saved.incidents,
                samples: rows,
                span: saved.span,
                candidates: &[],
                risk: None,
                judge_by: Some(judge_by.as_str()),
            };
            let prepared = Prepared::new(&inputs);
            Some(Shared(Arc::new(Record { saved, prepared })))
        })
    })
}

/// The candidates typed in the history (those that read); empty for the
/// defaults around the current target ([`Prepared::candidates`]).
fn candidates_memo(workshop: Workshop, slo: Memo<Option<SloAt>>) -> Memo<Vec<Target>> {
    Memo::new(move |_| {
        let Some(at) = slo.get() else {
            return Vec::new();
        };
        workshop.model.with(|m| {
            HistoryAt(at)
                .get(m)
                .map(|h| read_candidates(&h.candidates).0)
                .unwrap_or_default()
        })
    })
}

/// The rows last computed, the record they were computed from, and the run
/// their chances came from.
type Kept = (Shared<Record>, Shared<Chances>, Vec<Row>);

/// The table: a row is computed again only when its candidate is new or
/// the record changed; when only the risk model changed, the kept rows
/// take their chances from the new run.
fn table_memo(
    record: Memo<Option<Shared<Record>>>,
    chances: Memo<Option<Shared<Chances>>>,
    candidates: Memo<Vec<Target>>,
) -> Memo<Option<Shared<Table>>> {
    let kept = StoredValue::new(None::<Kept>);
    Memo::new(move |_| {
        let (record, chances) = (record.get()?, chances.get()?);
        let prepared = record.0.prepared.as_ref().ok()?;
        let before: Vec<Row> = kept
            .with_value(|k| {
                let (_, c, rows) = k.as_ref().filter(|(r, _, _)| *r == record)?;
                Some(match *c == chances {
                    true => rows.clone(),
                    false => rows
                        .iter()
                        .map(|row| with_chances(row.clone(), &chances.0))
                        .collect(),
                })
            })
            .unwrap_or_default();
        let rows: Vec<Row> = candidates.with(|typed| {
            prepared
                .candidates(typed)
                .iter()
                .map(|t| match before.iter().find(|row| row.target == *t) {
                    Some(row) => row.clone(),
                    None => prepared.row(t, &chances.0, &IntlZones),
                })
                .collect()
        });
        let table = prepared.table(&chances.0, rows.clone());
        kept.set_value(Some((record, chances, rows)));
        Some(Shared(Arc::new(table)))
    })
}

/// "12 incidents read", and each row left out with its line and why.
fn incidents_read(record: Memo<Option<Shared<Record>>>) -> impl IntoView {
    move || {
        record.with(|r| {
            let saved = &r.as_ref()?.0.saved;
            let read = match saved.incidents.len() {
                0 => "No incidents read yet.".to_string(),
                1 => "1 incident read.".to_string(),
                n => format!(
                    "{} incidents read.",
                    slo_core::quantity::numbers::group_thousands(&n.to_string())
                ),
            };
            Some(view! {
                <p class="hint" id="incidents-read">{read}</p>
                {row_problems("incidents-left-out", "Rows left out", &saved.left_out)}
            })
        })
    }
}

/// "sli.csv: 525,600 samples read", or why the file cannot be read.
fn series_read(samples: SeriesRead) -> impl IntoView {
    move || {
        samples.with(|s| match s.as_ref().map(|s| s.0.as_ref()) {
            None => None,
            Some(Err(why)) => {
                Some(view! { <p class="error" id="series-read">{format!("The series cannot be read: {why}")}</p> }.into_any())
            }
            Some(Ok(read)) => {
                let left_out: &[RowProblem] = &read.problems;
                let count = slo_core::quantity::numbers::group_thousands(&read.rows.len().to_string());
                Some(view! {
                    <p class="hint" id="series-read">{format!("{count} samples read: the achieved SLI counts events.")}</p>
                    {row_problems("series-left-out", "Samples left out", left_out)}
                }.into_any())
            }
        })
    }
}

/// The fitted risk model in words, and the one the chances come from.
fn fit_words(table: Memo<Option<Shared<Table>>>) -> impl IntoView {
    move || {
        table.with(|t| {
            let t = &t.as_ref()?.0;
            let fitted = match &t.fit {
                Ok(fit) => format!(
                    "Fitted to {} incidents over {:.1} periods: {}.",
                    fit.incidents,
                    fit.periods_spanned,
                    slo_core::tradeoff::report::risk_words(&fit.model)
                ),
                Err(why) => format!("No risk model could be fitted: {why}."),
            };
            Some(view! { <p class="hint" id="fitted-model">{fitted}</p> })
        })
    }
}
