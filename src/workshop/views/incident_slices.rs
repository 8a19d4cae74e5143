//! A large paste of past incidents (issue 27: 5 MB froze the page for
//! about ten seconds) is read a slice of lines at a time between the page's
//! frames ([`IncidentReading`]), with a progress line under the field; the
//! trade-off table follows once the whole text is read. A smaller paste is
//! read at once, as it is typed.

use std::sync::Arc;

use leptos::prelude::*;
use slo_core::model::location::{Locate, SloAt};
use slo_core::record::incidents::{Incident, IncidentReading};
use slo_core::record::Imported;
use slo_core::tradeoff::saved::history_zone;

use crate::browser::{self, IntlZones};
use crate::workshop::state::Workshop;
use crate::workshop::views::tradeoff_results::Shared;

/// Pastes of at least this many bytes are read in slices.
const SLICED_BYTES: usize = 256 * 1024;

/// Lines read in one slice: a few milliseconds of work, so the page keeps
/// answering between them.
const SLICE_LINES: usize = 1_000;

/// The incidents read from a text, or why the whole text cannot be read.
pub type IncidentsRead = Shared<Result<Imported<Incident>, String>>;

/// A large paste's reading: how far it is, and what it read.
#[derive(Clone, Copy)]
pub struct IncidentSlices {
    /// The current SLO's incidents as typed (trimmed, as the table reads
    /// them) and its time zone, when they are large enough to be read in slices.
    large: Memo<Option<Pasted>>,
    /// Bytes read and bytes in all, while a reading is under way.
    progress: RwSignal<Option<(u64, u64)>>,
    /// The last text read, and what it gave.
    read: RwSignal<Option<(Pasted, IncidentsRead)>>,
}

/// A large paste: where it is, the time zone its times are read in, and its text.
#[derive(Clone, PartialEq)]
struct Pasted {
    at: SloAt,
    zone: String,
    text: Arc<str>,
}

impl IncidentSlices {
    /// Starts reading the incidents of the SLO `slo` in slices whenever
    /// they are large and change.
    pub fn new(workshop: Workshop, slo: Memo<Option<SloAt>>) -> IncidentSlices {
        // An edit elsewhere in the model keeps the text it holds (compared,
        // not copied again): the reading is not started again either.
        let large = Memo::new(move |held: Option<&Option<Pasted>>| {
            let at = slo.get()?;
            workshop.model.with(|m| {
                let slo = at.get(m)?;
                let text = slo.history.as_ref()?.incidents.trim();
                if text.len() < SLICED_BYTES {
                    return None;
                }
                let zone = slo.time_zone_name();
                match held {
                    Some(Some(p)) if p.at == at && p.zone == zone && *p.text == *text => {
                        Some(p.clone())
                    }
                    _ => Some(Pasted {
                        at,
                        zone: zone.to_string(),
                        text: Arc::from(text),
                    }),
                }
            })
        });
        let slices = IncidentSlices {
            large,
            progress: RwSignal::new(None),
            read: RwSignal::new(None),
        };
        // Each reading has a number: a newer text stops an older reading.
        let reading = StoredValue::new(0u64);
        Effect::new(move |_| {
            reading.update_value(|n| *n += 1);
            let Some(pasted) = large.get() else {
                slices.progress.set(None);
                return;
            };
            let mine = reading.get_value();
            let zone = workshop
                .model
                .with_untracked(|m| history_zone(m, pasted.at, &IntlZones));
            leptos::task::spawn_local(async move {
                // The page may have gone (its values with it) by the next slice.
                let current = move || reading.try_get_value() == Some(mine);
                let read = read_in_slices(&pasted.text, zone.as_ref(), slices.progress, current);
                if let Some(read) = read.await.filter(|_| current()) {
                    slices.progress.set(None);
                    slices.read.set(Some((pasted, Shared(Arc::new(read)))));
                }
            });
        });
        slices
    }

    /// For the table: `Some(None)` to read the incidents at once (a small
    /// text), `Some(Some(read))` when a large one is read, `None` while it
    /// is being read.
    pub fn incidents(&self) -> Option<Option<IncidentsRead>> {
        let Some(pasted) = self.large.get() else {
            return Some(None);
        };
        self.read.with(|read| match read {
            Some((read_from, read)) if *read_from == pasted => Some(Some(read.clone())),
            _ => None,
        })
    }

    /// "Reading the incidents: 1.2 of 5.0 MB…", while a reading is under way.
    pub fn progress_line(&self) -> impl IntoView {
        let progress = self.progress;
        move || {
            progress.get().map(|(done, all)| {
                let megabytes = |bytes: u64| format!("{:.1}", bytes as f64 / 1e6);
                let line = format!(
                    "Reading the incidents: {} of {} MB ({} %); the page stays usable meanwhile, and the table follows.",
                    megabytes(done),
                    megabytes(all),
                    done * 100 / all.max(1)
                );
                view! {
                    <p class="hint" id="incidents-reading" role="status">
                        <progress max=all.to_string() value=done.to_string()></progress>
                        " " {line}
                    </p>
                }
            })
        }
    }
}

/// Reads `text` a slice at a time, showing the bytes read in `progress`
/// and waiting for a frame between slices; `None` once `current` says a
/// newer text is being read.
async fn read_in_slices(
    text: &str,
    zone: &dyn slo_core::quantity::zone::ZoneRules,
    progress: RwSignal<Option<(u64, u64)>>,
    current: impl Fn() -> bool,
) -> Option<Result<Imported<Incident>, String>> {
    let mut reading = match IncidentReading::start(text, zone) {
        Ok(reading) => reading,
        Err(why) => return Some(Err(why)),
    };
    loop {
        progress.set(Some((reading.bytes_read(), reading.bytes())));
        browser::after_next_paint().await;
        if !current() {
            return None;
        }
        match reading.read(SLICE_LINES) {
            Ok(true) => return Some(Ok(reading.finish())),
            Ok(false) => {}
            Err(why) => return Some(Err(why)),
        }
    }
}
