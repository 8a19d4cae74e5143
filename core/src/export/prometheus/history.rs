//! The range query that brings an SLI's past into the trade-off table: its
//! good (or bad) and valid events per step, each series labelled
//! `series="good"`, `"bad"` or `"valid"`, as
//! [`crate::record::series::read_prometheus_range`] reads them.

use crate::model::{Counts, SliQueries, WINDOW_PLACEHOLDER};
use crate::record::series::SERIES_LABEL;

/// The PromQL for `/api/v1/query_range` with a step of `step` (Prometheus
/// duration syntax, "1m"): events per step, `sum(increase(...[step]))` of a
/// counter or the query with its window written in, labelled by kind.
/// `None` when the queries cannot be used ([`super::unusable_queries`]).
///
/// ```
/// use slo_core::export::prometheus::history::history_query;
/// use slo_core::model::{Counts, SliQueries};
/// let queries = SliQueries {
///     counts: Counts::Bad,
///     counted: "http_requests_total{code=~\"5..\"}".into(),
///     total: "http_requests_total".into(),
///     ..SliQueries::default()
/// };
/// assert_eq!(
///     history_query(&queries, "1m").unwrap(),
///     "label_replace(sum(increase(http_requests_total{code=~\"5..\"}[1m])), \"series\", \"bad\", \"\", \"\")\nor\nlabel_replace(sum(increase(http_requests_total[1m])), \"series\", \"valid\", \"\", \"\")"
/// );
/// ```
pub fn history_query(queries: &SliQueries, step: &str) -> Option<String> {
    if super::unusable_queries(Some(queries)).is_some() {
        return None;
    }
    let events = |query: &str| match queries.counter {
        true => format!("sum(increase({}[{step}]))", query.trim()),
        false => query.trim().replace(WINDOW_PLACEHOLDER, step),
    };
    let counted = match queries.counts {
        Counts::Good => "good",
        Counts::Bad => "bad",
    };
    let label = |query: &str, kind: &str| {
        format!(
            "label_replace({}, \"{SERIES_LABEL}\", \"{kind}\", \"\", \"\")",
            events(query)
        )
    };
    Some(format!(
        "{}\nor\n{}",
        label(&queries.counted, counted),
        label(&queries.total, "valid")
    ))
}
