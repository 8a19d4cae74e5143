//! An SLO read into the numbers a run needs: its target, its period in
//! seconds (in its time zone) and, for a time-slice SLI, the slice length.

use crate::model::{Measurement, Sli, Slo};
use crate::quantity::target::Target;
use crate::quantity::window::Window;
use crate::quantity::zone::ZoneResolver;
use rust_decimal::prelude::ToPrimitive;

/// What a scenario runs against: the SLO's target, period and unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SloNumbers {
    /// The SLO's target.
    pub target: Target,
    /// The compliance period, in seconds.
    pub period_seconds: u64,
    /// For a time-slice-based SLI, the slice length in whole seconds.
    pub time_slice: Option<u64>,
}

impl SloNumbers {
    /// The numbers of `slo` over `sli`; an error in words if its target, window,
    /// time zone or time slice cannot be read.
    pub fn of(sli: &Sli, slo: &Slo, zones: &dyn ZoneResolver) -> Result<SloNumbers, String> {
        let target: Target = slo.target.parse().map_err(|e| format!("target: {e}"))?;
        let window: Window = slo.window.parse().map_err(|e| format!("window: {e}"))?;
        let zone = zones
            .resolve(slo.time_zone_name())
            .map_err(|e| format!("time zone: {e}"))?;
        let period_seconds = window
            .length(zone.as_ref())
            .map_err(|e| format!("window: {e}"))?
            .min();
        let time_slice = match sli.measurement {
            Measurement::RequestBased => None,
            Measurement::TimeSliceBased => {
                let slice = crate::read::TIME_SLICE
                    .read(&sli.time_slice)
                    .map_err(|e| format!("time slice: {e}"))?;
                let whole = slice
                    .seconds()
                    .to_u64()
                    .filter(|s| *s > 0 && rust_decimal::Decimal::from(*s) == slice.seconds());
                Some(whole.ok_or("time slice: simulate whole seconds above 0")?)
            }
        };
        Ok(SloNumbers {
            target,
            period_seconds,
            time_slice,
        })
    }

    /// `1 - SLO` as a fraction.
    pub fn allowed_ratio(&self) -> f64 {
        self.target
            .error_budget()
            .fraction()
            .to_f64()
            .unwrap_or(0.0)
    }

    /// The period's budget in bad units, given the requests in the period:
    /// `requests x (1 - SLO)`, or for a time-slice SLI the whole slices the
    /// budget allows (rounded down, never up).
    pub fn budget_units(&self, requests: f64) -> f64 {
        match self.time_slice {
            Some(slice) => self
                .target
                .error_budget()
                .floor_share(self.period_seconds.checked_div(slice).unwrap_or(0) as u128)
                .unwrap_or(0) as f64,
            None => requests * self.allowed_ratio(),
        }
    }
}
