//! A scenario's traffic in numbers: valid requests per minute at any time of
//! the period, constant or a daily curve, and their integral over a span.

/// Valid requests per minute over a day.
#[derive(Clone, Debug, PartialEq)]
pub enum PlannedTraffic {
    /// The same rate all day.
    Constant {
        /// Requests per minute.
        per_minute: f64,
    },
    /// `trough + (peak - trough) x (1 + cos(2 pi (h - peak_hour) / 24)) / 2`, h in hours.
    Daily {
        /// Requests per minute at the peak.
        peak: f64,
        /// Requests per minute at the trough.
        trough: f64,
        /// Hour of the peak, 0 to 24.
        peak_hour: f64,
    },
}

const DAY: f64 = 86_400.0;

impl PlannedTraffic {
    /// Requests per minute at `t` seconds from the period's start.
    pub fn per_minute(&self, t: f64) -> f64 {
        match *self {
            PlannedTraffic::Constant { per_minute } => per_minute,
            PlannedTraffic::Daily {
                peak,
                trough,
                peak_hour,
            } => {
                let phase = std::f64::consts::TAU * (t / DAY - peak_hour / 24.0);
                trough + (peak - trough) * (1.0 + phase.cos()) / 2.0
            }
        }
    }

    /// Requests between `from` and `to` seconds (the exact integral of the curve).
    pub fn requests_between(&self, from: f64, to: f64) -> f64 {
        self.requests_until(to) - self.requests_until(from)
    }

    /// Requests from the period's start to `t` seconds: the integral of
    /// [`PlannedTraffic::per_minute`], in closed form.
    pub fn requests_until(&self, t: f64) -> f64 {
        match *self {
            PlannedTraffic::Constant { per_minute } => per_minute * t / 60.0,
            PlannedTraffic::Daily {
                peak,
                trough,
                peak_hour,
            } => {
                let mid = (peak + trough) / 2.0;
                let amplitude = (peak - trough) / 2.0;
                let k = std::f64::consts::TAU / DAY;
                let offset = std::f64::consts::TAU * peak_hour / 24.0;
                (mid * t + amplitude * ((k * t - offset).sin() + offset.sin()) / k) / 60.0
            }
        }
    }
}
