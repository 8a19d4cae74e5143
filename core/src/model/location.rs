//! Where an SLO sits in the model, typed: its service, journey, SLI and SLO
//! indices, the one walk over every SLO in document order, and the field
//! paths problems carry (`services[0].journeys[1].slis[0].slos[2].target`),
//! built here and nowhere else.

use crate::model::{Journey, Model, Service, Sli, Slo};

/// Where an SLO sits: the indices of its service, journey, SLI and itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SloAt {
    /// Service index.
    pub service: usize,
    /// Journey index within the service.
    pub journey: usize,
    /// SLI index within the journey.
    pub sli: usize,
    /// SLO index within the SLI.
    pub slo: usize,
}

impl SloAt {
    /// The SLO's path: `services[0].journeys[0].slis[0].slos[0]`.
    ///
    /// ```
    /// let at = slo_core::model::location::SloAt { service: 1, journey: 0, sli: 2, slo: 0 };
    /// assert_eq!(at.field("target"), "services[1].journeys[0].slis[2].slos[0].target");
    /// ```
    pub fn path(&self) -> String {
        format!(
            "services[{}].journeys[{}].slis[{}].slos[{}]",
            self.service, self.journey, self.sli, self.slo
        )
    }

    /// The path of one of the SLO's fields (`field` as in the JSON).
    pub fn field(&self, field: &str) -> String {
        format!("{}.{field}", self.path())
    }

    /// The SLI and SLO it points at, if they exist.
    pub fn find<'m>(&self, model: &'m Model) -> Option<(&'m Sli, &'m Slo)> {
        let sli = model
            .services
            .get(self.service)?
            .journeys
            .get(self.journey)?
            .slis
            .get(self.sli)?;
        Some((sli, sli.slos.get(self.slo)?))
    }
}

/// One SLO met on the walk, with where it is and what holds it.
#[derive(Clone, Copy, Debug)]
pub struct SloEntry<'m> {
    /// Where it is.
    pub at: SloAt,
    /// Its service.
    pub service: &'m Service,
    /// Its journey or endpoint.
    pub journey: &'m Journey,
    /// Its SLI.
    pub sli: &'m Sli,
    /// The SLO.
    pub slo: &'m Slo,
}

/// Every SLO of `service` (the `index`-th service of its model), in document order.
pub fn service_slos(index: usize, service: &Service) -> impl Iterator<Item = SloEntry<'_>> {
    service
        .journeys
        .iter()
        .enumerate()
        .flat_map(move |(j, journey)| {
            journey.slis.iter().enumerate().flat_map(move |(i, sli)| {
                sli.slos.iter().enumerate().map(move |(o, slo)| SloEntry {
                    at: SloAt {
                        service: index,
                        journey: j,
                        sli: i,
                        slo: o,
                    },
                    service,
                    journey,
                    sli,
                    slo,
                })
            })
        })
}

/// Every SLO of the model, in document order, with its location.
///
/// ```
/// use slo_core::{examples, model::location::every_slo};
/// let model = examples::workbook_api();
/// let first = every_slo(&model).next().unwrap();
/// assert_eq!(first.at.path(), "services[0].journeys[0].slis[0].slos[0]");
/// assert_eq!(first.service.name, "Game API");
/// ```
pub fn every_slo(model: &Model) -> impl Iterator<Item = SloEntry<'_>> {
    model
        .services
        .iter()
        .enumerate()
        .flat_map(|(index, service)| service_slos(index, service))
}
