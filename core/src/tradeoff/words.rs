//! The trade-off table in words, with the rounding rule of each figure
//! (stated beside it wherever it is shown), and the line a chosen row
//! leaves in the SLO's rationale.

use rust_decimal::Decimal;

use crate::dependency::percent_text;
use crate::model::alert_rule::Notify;
use crate::model::location::Locate;
use crate::model::Model;
use crate::record::chance::Chance;
use crate::tradeoff::table::{Row, Table};

/// How each figure of the table is rounded, for the page, the CLI and the
/// rationale.
pub const ROUNDING: &str =
    "achieved SLI truncated to 4 decimals of a percent (never shown as met when it was not); \
chance of meeting to a whole percent, with the range it spans when incidents come as much as plausibly more or less often (an 80 % interval of their rate); \
pages, tickets and freeze days to one decimal; downtime exact, bad events truncated";

/// An achieved SLI (a fraction) in percent, truncated to 4 decimals: "99.8812".
pub fn achieved_text(fraction: Decimal) -> String {
    percent_text(fraction, 4)
}

/// A chance (0 to 1) as a whole percent: "82 %".
pub fn percent(chance: f64) -> String {
    format!("{} %", (chance * 100.0).round() as i64)
}

/// A chance with its range: "82 % (74 % to 88 %)"; without the range
/// when it rounds to one figure ("100 %").
pub fn chance_text(chance: &Chance) -> String {
    match (chance.low, chance.high) {
        (Some(low), Some(high)) if percent(low) == percent(high) => percent(chance.meet),
        (Some(low), Some(high)) => format!(
            "{} ({} to {})",
            percent(chance.meet),
            percent(low),
            percent(high)
        ),
        _ => percent(chance.meet),
    }
}

/// A figure to one decimal: "0.4".
pub fn one_decimal(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

/// The ESF / SRE Workbook on-call guidance: fewer than two pages a week
/// can be sustained.
pub const SUSTAINABLE_PAGES_PER_WEEK: f64 = 2.0;

/// Pages (or tickets) a week in words, false alarms named: "0.4 a week (0.1 false alarms)".
pub fn alerts_text(row: &Row, notify: Notify) -> String {
    let (all, false_alarms) = row.replayed.per_week(notify);
    let mut text = format!("{} a week", one_decimal(all));
    if false_alarms > 0.0 {
        text.push_str(&format!(" ({} false alarms)", one_decimal(false_alarms)));
    }
    if notify == Notify::Page && all >= SUSTAINABLE_PAGES_PER_WEEK {
        text.push_str(": more than on-call can sustain (under 2 a week)");
    }
    text
}

/// One row as the sentence the rationale keeps.
pub fn row_summary(table: &Table, row: &Row) -> String {
    let mut parts = vec![format!("{} %", row.target)];
    if let Some(downtime) = &row.downtime {
        parts.push(format!(
            "allows {} of downtime per {}",
            downtime.describe(|d| d.to_string()),
            table.window
        ));
    }
    let judged = row.achieved.periods.len();
    if judged > 0 {
        let mut met = format!("met {} of {judged} past periods", row.achieved.met);
        if let Some(worst) = row.achieved.worst.and_then(|w| row.achieved.periods.get(w)) {
            if let Some(achieved) = worst.achieved {
                met.push_str(&format!(
                    " (worst: {}, {} %)",
                    worst.label,
                    achieved_text(achieved)
                ));
            }
        }
        parts.push(met);
    }
    if let Some(chance) = &row.chance {
        parts.push(format!(
            "chance of meeting a period {}",
            chance_text(chance)
        ));
    }
    parts.push(format!("pages {}", alerts_text(row, Notify::Page)));
    parts.push(format!("tickets {}", alerts_text(row, Notify::Ticket)));
    parts.push(format!(
        "{} release-freeze days a quarter",
        one_decimal(row.replayed.freeze_days_per_quarter())
    ));
    if !row.reachable {
        parts.push("above what the dependencies allow".into());
    }
    if row.above_best {
        parts.push("above the historical best".into());
    }
    parts.join("; ")
}

/// The model with the SLO's target set to `row`'s and a line appended to
/// its rationale saying why (the row's figures); `None` when the SLO is
/// gone. One edit: one undo step.
pub fn choose(
    model: &Model,
    table: &Table,
    at: crate::model::location::SloAt,
    row: &Row,
) -> Option<Model> {
    let mut chosen = model.clone();
    let slo = at.get_mut(&mut chosen)?;
    slo.target = row.target.to_string();
    let line = format!(
        "Chosen from the trade-off table: {}.",
        row_summary(table, row)
    );
    slo.rationale = match slo.rationale.trim_end() {
        "" => line,
        before => format!("{before}\n{line}"),
    };
    Some(chosen)
}
