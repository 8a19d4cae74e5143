//! What a merge added and updated, counted by kind, and said in words.

use crate::model::Service;

/// What a merge added and updated, counted by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Services only in the file, added whole.
    pub services_added: usize,
    /// SLOs only in the file (in added services, journeys and SLIs too).
    pub slos_added: usize,
    /// SLOs found by name whose target, window or other field changed.
    pub slos_updated: usize,
    /// SLIs found by name whose events, queries or other field changed.
    pub slis_updated: usize,
    /// Alert rules only in the file.
    pub alert_rules_added: usize,
    /// Alert rules found by name that the file changed.
    pub alert_rules_updated: usize,
}

impl Tally {
    /// Counts a service only in the file, with its SLOs.
    pub(super) fn add_service(&mut self, service: &Service) {
        self.services_added += 1;
        self.slos_added += service
            .journeys
            .iter()
            .flat_map(|j| &j.slis)
            .map(|s| s.slos.len())
            .sum::<usize>();
    }

    /// "1 service and 2 SLOs added, 3 SLOs updated", or "nothing changed".
    pub fn in_words(&self) -> String {
        let added = super::loss::list(&[
            counted(self.services_added, "service", "services"),
            counted(self.slos_added, "SLO", "SLOs"),
            counted(self.alert_rules_added, "alert rule", "alert rules"),
        ]);
        let updated = super::loss::list(&[
            counted(self.slos_updated, "SLO", "SLOs"),
            counted(self.slis_updated, "SLI", "SLIs"),
            counted(self.alert_rules_updated, "alert rule", "alert rules"),
        ]);
        match (added.is_empty(), updated.is_empty()) {
            (true, true) => "nothing changed".to_string(),
            (false, true) => format!("{added} added"),
            (true, false) => format!("{updated} updated"),
            (false, false) => format!("{added} added, {updated} updated"),
        }
    }
}

/// "1 SLO", "3 SLOs"; empty for none.
pub(super) fn counted(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}
