//! The one glossary: every reliability word the app, its documents and its
//! CLI use, each with one plain line a product owner reads without an
//! engineer translating.
//!
//! The workshop shows a [`Term`]'s line where the word appears (on hover
//! and on focus) and lists them all under "What the words mean"; nothing
//! else in the project explains these words again. The lines are our own
//! words; where a word comes from a book, [`Term::source`] names it.
//!
//! ```
//! use slo_core::glossary::Term;
//!
//! assert_eq!(Term::Slo.word(), "SLO");
//! assert!(Term::Slo.plain().starts_with("Service level objective"));
//! assert_eq!(Term::from_key("burn-rate"), Some(Term::BurnRate));
//! ```

/// A word the app uses that a newcomer to reliability work may not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// Service level indicator.
    Sli,
    /// Service level objective.
    Slo,
    /// Service level agreement.
    Sla,
    /// 100 % minus the target, as time, events or time slices.
    ErrorBudget,
    /// The error budget as time; downtime for an availability SLO.
    BadTime,
    /// The period an SLO is judged over.
    CompliancePeriod,
    /// A window that moves with today.
    RollingWindow,
    /// A window fixed to the calendar.
    CalendarWindow,
    /// A stretch of time judged good or bad as a whole.
    TimeSlice,
    /// One operation of a service's interface.
    Endpoint,
    /// The events an SLI counts as success.
    GoodEvents,
    /// The events an SLI counts at all.
    ValidEvents,
    /// Targets said by their nines.
    Nines,
    /// How fast the budget is spent.
    BurnRate,
    /// The share of requests failing.
    ErrorRatio,
    /// An alert that wakes someone.
    Page,
    /// An alert that waits for working hours.
    Ticket,
    /// What the team does as the budget goes.
    ErrorBudgetPolicy,
    /// A pause on releases.
    ReleaseFreeze,
    /// A release despite a freeze.
    SilverBullet,
    /// Extra freeze days per bad day.
    ThawTax,
    /// Company-wide calls for reliability work.
    CodeYellow,
    /// How serious an incident is, P1 to P4.
    IncidentPriority,
    /// Time from an incident's start until users are served well again.
    TimeToRestore,
    /// A value a share of cases stays below.
    Percentile,
    /// Many random runs of one model.
    MonteCarlo,
    /// Incidents arriving at random.
    PoissonProcess,
    /// Mostly short, a few very long.
    LogNormal,
    /// How much of the budget an event spends per hour.
    DepletionSpeed,
    /// A new version tried on part of the traffic.
    Canary,
    /// The written review after an incident.
    Postmortem,
    /// The written steps for handling an alert.
    Runbook,
    /// What a past period reached.
    AchievedSli,
    /// The availability a service can reach given its dependencies.
    CompositeAvailability,
    /// The highest SLO dependencies allow.
    DependencyCeiling,
    /// Copies of which some must work.
    Redundancy,
    /// Prometheus's query language.
    PromQl,
    /// "Establishing SRE Foundations".
    Esf,
    /// "The Site Reliability Workbook".
    SreWorkbook,
}

impl Term {
    /// Every term, in the order "What the words mean" lists them: the
    /// measure and the target first, then budgets, alerts, policy,
    /// statistics, dependencies and sources.
    pub const ALL: [Term; 39] = [
        Term::Sli,
        Term::Slo,
        Term::Sla,
        Term::GoodEvents,
        Term::ValidEvents,
        Term::CompliancePeriod,
        Term::RollingWindow,
        Term::CalendarWindow,
        Term::TimeSlice,
        Term::Endpoint,
        Term::Nines,
        Term::ErrorBudget,
        Term::BadTime,
        Term::ErrorRatio,
        Term::BurnRate,
        Term::Page,
        Term::Ticket,
        Term::Runbook,
        Term::ErrorBudgetPolicy,
        Term::ReleaseFreeze,
        Term::SilverBullet,
        Term::ThawTax,
        Term::CodeYellow,
        Term::IncidentPriority,
        Term::Postmortem,
        Term::TimeToRestore,
        Term::DepletionSpeed,
        Term::Canary,
        Term::AchievedSli,
        Term::Percentile,
        Term::MonteCarlo,
        Term::PoissonProcess,
        Term::LogNormal,
        Term::CompositeAvailability,
        Term::DependencyCeiling,
        Term::Redundancy,
        Term::PromQl,
        Term::Esf,
        Term::SreWorkbook,
    ];

    /// The word as the app writes it ("SLO", "burn rate").
    pub fn word(self) -> &'static str {
        self.entry().0
    }

    /// A stable key for the word ("slo", "burn-rate"): the anchor of its
    /// entry in "What the words mean" (`#term-burn-rate`).
    pub fn key(self) -> &'static str {
        self.entry().1
    }

    /// The plain line: what the word means, in one or two sentences.
    pub fn plain(self) -> &'static str {
        self.entry().2
    }

    /// Where the word, or the rule behind it, comes from, when a book
    /// defines it.
    pub fn source(self) -> Option<&'static str> {
        match self {
            Term::BurnRate | Term::Page | Term::Ticket => Some("SRE Workbook ch. 5"),
            Term::ErrorBudgetPolicy => Some("SRE Workbook ch. 4, Appendix B"),
            Term::SilverBullet | Term::ThawTax | Term::CodeYellow => Some("SRE Workbook ch. 4"),
            Term::DepletionSpeed => Some("ESF ch. 11"),
            Term::CompositeAvailability | Term::DependencyCeiling | Term::Redundancy => {
                Some("SRE book ch. 3; Treynor et al., \"The Calculus of Service Availability\"")
            }
            _ => None,
        }
    }

    /// The term whose [`Term::key`] is `key`.
    pub fn from_key(key: &str) -> Option<Term> {
        Term::ALL.into_iter().find(|t| t.key() == key)
    }

    fn entry(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Term::Sli => ("SLI", "sli", "Service level indicator: how well the service does for its users, measured as the share of good events among valid ones (say, requests answered without an error)."),
            Term::Slo => ("SLO", "slo", "Service level objective: the target an SLI must meet over a period, such as 99.9 % of requests good over 28 days. The team's own goal, stricter than any contract."),
            Term::Sla => ("SLA", "sla", "Service level agreement: a promise in a contract, with a penalty when it is broken. Set looser than the SLO, so the team hears of trouble before the contract is broken."),
            Term::GoodEvents => ("good events", "good-events", "The events the SLI counts as success, such as requests answered in under 400 ms."),
            Term::ValidEvents => ("valid events", "valid-events", "The events the SLI counts at all, such as every request except health checks; the SLI is good events divided by valid events."),
            Term::CompliancePeriod => ("compliance period (window)", "window", "The period an SLO is judged over, such as the last 28 days or each calendar month."),
            Term::RollingWindow => ("rolling window", "rolling-window", "A period that moves with today: always the last 28 days, so an old incident drops out a day at a time."),
            Term::CalendarWindow => ("calendar window", "calendar-window", "A period fixed to the calendar, such as each month: the budget starts afresh on its first day."),
            Term::TimeSlice => ("time slice", "time-slice", "A short stretch of time, such as one minute, judged good or bad as a whole; a time-slice SLO counts bad slices instead of bad events."),
            Term::Endpoint => ("endpoint", "endpoint", "One operation of a service's interface, such as the call that lists the products: an SLO can be set for one endpoint instead of a whole user journey."),
            Term::ErrorRatio => ("error ratio", "error-ratio", "The share of requests failing right now, such as 2 % of requests answered with an error; 100 % is a full outage."),
            Term::Runbook => ("runbook", "runbook", "The written steps the person on call follows when an alert fires."),
            Term::Postmortem => ("postmortem", "postmortem", "A written review after an incident: what happened, why, and what the team will change so it does not happen again; it blames no one."),
            Term::Canary => ("canary", "canary", "A new version tried on a small part of the traffic first, so a bad release hurts only that part."),
            Term::Nines => ("nines", "nines", "A target said by its nines: 99.9 % is three nines, 99.99 % four. Each nine more leaves ten times less room for failure."),
            Term::ErrorBudget => ("error budget", "error-budget", "How much may go wrong in a period without missing the SLO: 100 % minus the target, as time, bad events or bad time slices."),
            Term::BadTime => ("allowed bad time", "bad-time", "The error budget as time. For an availability SLO it is the allowed downtime; for a latency SLO, the time the service may be slow; and so on."),
            Term::BurnRate => ("burn rate", "burn-rate", "How fast the error budget is spent, compared with spending it evenly: at 1 it lasts exactly the period; at 14.4 a 30-day budget is gone in about two days."),
            Term::Page => ("page", "page", "An alert that calls someone at once, day or night: for trouble that would spend the budget within hours."),
            Term::Ticket => ("ticket", "ticket", "An alert that waits for working hours, as a ticket in the team's queue: for trouble that spends the budget over days."),
            Term::ErrorBudgetPolicy => ("error budget policy", "error-budget-policy", "What the team has agreed to do as the budget runs low or runs out, such as pausing releases and putting reliability work first."),
            Term::ReleaseFreeze => ("release freeze", "release-freeze", "A pause on new releases (fixes and security changes excepted) while the budget is spent, as the error budget policy says."),
            Term::SilverBullet => ("silver bullet", "silver-bullet", "A release the team may ship despite a freeze, a few a year, for what cannot wait."),
            Term::ThawTax => ("thaw tax", "thaw-tax", "Extra freeze days added for each day the SLO was missed, so that a freeze is not lifted lightly."),
            Term::CodeYellow => ("Code Yellow", "code-yellow", "A call, above the team, that its reliability comes first for a while: other work waits (Code Red: the whole company helps)."),
            Term::IncidentPriority => ("incident priority", "incident-priority", "How serious an incident is, from P1 (the most serious) to P4; the policy's clauses can depend on it."),
            Term::TimeToRestore => ("time to restore", "time-to-restore", "From an incident's start until users are served well again. MTTR is the mean time to restore."),
            Term::DepletionSpeed => ("depletion speed", "depletion-speed", "How much of the error budget an event spends per hour; fast depletion calls for a page, slow depletion for a ticket."),
            Term::AchievedSli => ("achieved SLI", "achieved-sli", "The share of good events a past period actually reached, to compare with a candidate target."),
            Term::Percentile => ("percentile (p10, p90)", "percentile", "The value a share of cases stays below: 90 % of incidents end sooner than their p90; p10 of the budget left is what a bad period, one in ten, leaves."),
            Term::MonteCarlo => ("Monte Carlo", "monte-carlo", "Playing the same random model of incidents through many periods to count how often a target is met, instead of guessing."),
            Term::PoissonProcess => ("Poisson process", "poisson", "Incidents arriving at random, independently of each other, at a steady average rate."),
            Term::LogNormal => ("log-normal", "log-normal", "A spread of durations where most incidents are short and a few are very long, as real outages are."),
            Term::CompositeAvailability => ("composite availability", "composite", "The availability a service can reach when it needs its dependencies to work: with independent failures, the product of their availabilities."),
            Term::DependencyCeiling => ("dependency ceiling", "ceiling", "The highest SLO a service can keep when its dependencies only just meet their own promises."),
            Term::Redundancy => ("k of n", "k-of-n", "A dependency run as n copies of which k must work: \"2 of 3\" keeps working when any one copy fails."),
            Term::PromQl => ("PromQL", "promql", "Prometheus's query language: the queries that count good and valid events in the team's monitoring."),
            Term::Esf => ("ESF", "esf", "\"Establishing SRE Foundations\" (Vladyslav Ukis, 2022): the book the workshop's steps and several checks follow; its table numbers are given as sources."),
            Term::SreWorkbook => ("SRE Workbook", "sre-workbook", "\"The Site Reliability Workbook\" (Google, 2018): the source of the budget and alert formulas and the example policy."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Term;
    use std::collections::HashSet;

    #[test]
    fn every_term_is_listed_once_with_its_own_key_and_a_sentence() {
        let keys: HashSet<_> = Term::ALL.iter().map(|t| t.key()).collect();
        let words: HashSet<_> = Term::ALL.iter().map(|t| t.word()).collect();
        assert_eq!(keys.len(), Term::ALL.len());
        assert_eq!(words.len(), Term::ALL.len());
        for term in Term::ALL {
            assert_eq!(Term::from_key(term.key()), Some(term));
            assert!(
                term.key()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{term:?}"
            );
            let plain = term.plain();
            assert!(plain.ends_with('.'), "{term:?}: {plain}");
            assert!(plain.len() < 240, "{term:?} takes more than a line or two");
            assert!(
                plain
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '"'),
                "{term:?}"
            );
        }
    }

    #[test]
    fn a_plain_line_does_not_lean_on_another_unexplained_acronym() {
        // An acronym used in a plain line is itself in the glossary.
        let words: HashSet<_> = Term::ALL.iter().map(|t| t.word()).collect();
        for term in Term::ALL {
            for token in term.plain().split(|c: char| !c.is_ascii_alphanumeric()) {
                let acronym = token.len() >= 2 && token.chars().all(|c| c.is_ascii_uppercase());
                if acronym && !["MTTR", "SRE"].contains(&token) {
                    assert!(words.contains(token), "{term:?} uses {token}");
                }
            }
        }
    }

    #[test]
    fn an_unknown_key_is_no_term() {
        assert_eq!(Term::from_key("mttr"), None);
        assert_eq!(Term::from_key(""), None);
    }
}
