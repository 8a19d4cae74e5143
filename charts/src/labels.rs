//! Where a firing's label goes on the budget chart: in the first lane where
//! it covers no marker and no other label.

/// A box on the chart, in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Spot {
    pub(crate) x0: i32,
    pub(crate) y0: i32,
    pub(crate) x1: i32,
    pub(crate) y1: i32,
}

impl Spot {
    pub(crate) fn around((x, y): (i32, i32), r: i32) -> Spot {
        Spot {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }

    fn overlaps(&self, other: &Spot) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Height of a firing's label, and of one lane of labels, pixels.
pub(crate) const LABEL_HEIGHT: i32 = 12;
/// Lanes of labels below the top of the plot.
const LANES: i32 = 10;

/// A label's width in pixels at 10 px sans-serif (about 6 px a character).
pub(crate) fn label_width(label: &str) -> i32 {
    6 * label.chars().count().min(200) as i32
}

/// Where a firing's label goes: the first lane from the top of the plot
/// (`top`) where it covers no marker and no label placed before, right of
/// its marker (left when it would leave the plot at `right`); below its
/// marker when every lane is taken.
pub(crate) fn place_label(
    at: (i32, i32),
    width: i32,
    top: i32,
    right: i32,
    markers: &[Spot],
    placed: &[Spot],
) -> Spot {
    let x0 = if at.0 + 4 + width > right {
        at.0 - 4 - width
    } else {
        at.0 + 4
    };
    let free = |spot: &Spot| {
        !markers
            .iter()
            .chain(placed)
            .any(|other| spot.overlaps(other))
    };
    (0..LANES)
        .map(|lane| {
            let y0 = top + 2 + lane * (LABEL_HEIGHT + 1);
            Spot {
                x0,
                y0,
                x1: x0 + width,
                y1: y0 + LABEL_HEIGHT,
            }
        })
        .find(free)
        .unwrap_or_else(|| {
            let y0 = at.1 + 10;
            Spot {
                x0,
                y0,
                x1: x0 + width,
                y1: y0 + LABEL_HEIGHT,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_avoid_markers_and_each_other() {
        // Three firings close together near the top of the plot, where the
        // first lanes are.
        let markers = [(100, 40), (104, 52), (110, 30)];
        let spots: Vec<Spot> = markers.iter().map(|m| Spot::around(*m, 8)).collect();
        let mut placed = Vec::new();
        for at in markers {
            let spot = place_label(at, 60, 30, 700, &spots, &placed);
            assert!(
                !spots.iter().any(|m| m.overlaps(&spot)),
                "{spot:?} covers a marker"
            );
            assert!(
                !placed.iter().any(|p: &Spot| p.overlaps(&spot)),
                "{spot:?} covers a label"
            );
            placed.push(spot);
        }
    }

    #[test]
    fn a_label_near_the_right_edge_goes_left_of_its_marker() {
        let spot = place_label((690, 200), 60, 30, 700, &[], &[]);
        assert_eq!((spot.x0, spot.x1), (690 - 4 - 60, 690 - 4));
    }
}
