//! The eight-axis radar of the objectives' scores, drawn as inline SVG (no script, no
//! external file, prints as vector). Where an objective's score is still a range, both the
//! lower and the upper bound are drawn; the text alternative lists every value.

use sovcheck_core::evaluate::ObjectiveResult;
use sovcheck_core::figures::{fixed, radar_point, RADAR_AXES};
use sovcheck_core::{content, Lang};
use yew::prelude::*;

const CENTER: f64 = 170.0;
const RADIUS: f64 = 120.0;

/// The point on `axis` (one of [`RADAR_AXES`], clockwise from the top) at `fraction` of the
/// radius.
fn point(axis: (f64, f64), fraction: f64) -> (f64, f64) {
    radar_point(CENTER, RADIUS, axis, fraction)
}

/// An SVG `points` list for one value per axis, in percent.
pub fn polygon(values: &[f64]) -> String {
    values
        .iter()
        .zip(RADAR_AXES.iter().cycle())
        .map(|(v, axis)| {
            let (x, y) = point(*axis, v / 100.0);
            format!("{},{}", fixed(x, 1), fixed(y, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Properties, PartialEq)]
pub struct RadarProps {
    pub objectives: Vec<ObjectiveResult>,
    pub lang: Lang,
    /// Title of the chart (also its accessible name).
    pub title: AttrValue,
    /// Legend words for the two bounds.
    pub lower_label: AttrValue,
    pub upper_label: AttrValue,
}

/// The radar chart.
#[function_component(Radar)]
pub fn radar(p: &RadarProps) -> Html {
    let lower: Vec<f64> = p.objectives.iter().map(|o| o.score.lower).collect();
    let upper: Vec<f64> = p.objectives.iter().map(|o| o.score.upper).collect();
    let ranged = lower.iter().zip(&upper).any(|(l, u)| (u - l).abs() > 1e-9);
    let desc = p
        .objectives
        .iter()
        .map(|o| {
            format!(
                "{} {}",
                o.id,
                sovcheck_text::texts(p.lang).score_range(o.score.lower, o.score.upper)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let rings = [0.25, 0.5, 0.75, 1.0];
    html! {
        <figure class="radar" data-testid="radar">
            <svg viewBox="0 0 340 340" width="340" height="340" role="img"
                aria-labelledby="radar-title radar-desc" xmlns="http://www.w3.org/2000/svg">
                <title id="radar-title">{ p.title.clone() }</title>
                <desc id="radar-desc">{ desc }</desc>
                { for rings.iter().map(|f| html! {
                    <polygon class="ring" points={polygon(&[f * 100.0; 8])} />
                }) }
                { for RADAR_AXES.iter().enumerate().map(|(i, axis)| {
                    let (x, y) = point(*axis, 1.0);
                    let (lx, ly) = point(*axis, 1.17);
                    let id = content::objectives().get(i).map(|o| o.id).unwrap_or_default();
                    html! {
                        <>
                            <line class="axis" x1={fixed(CENTER, 0)} y1={fixed(CENTER, 0)}
                                x2={fixed(x, 1)} y2={fixed(y, 1)} />
                            <text x={fixed(lx, 1)} y={fixed(ly, 1)} text-anchor="middle"
                                dominant-baseline="middle">{ id }</text>
                        </>
                    }
                }) }
                if ranged {
                    <polygon class="upper" points={polygon(&upper)} />
                }
                <polygon class="lower" points={polygon(&lower)} />
            </svg>
            <figcaption>
                <span class="key lower">{ p.lower_label.clone() }</span>
                if ranged { { " " }<span class="key upper">{ p.upper_label.clone() }</span> }
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_start_at_the_top_and_go_clockwise() {
        assert_eq!(polygon(&[100.0]), "170.0,50.0");
        assert_eq!(
            polygon(&[0.0, 100.0, 100.0]),
            "170.0,170.0 254.9,85.1 290.0,170.0"
        );
        // Values outside 0-100 are clamped to the chart.
        assert_eq!(polygon(&[150.0]), "170.0,50.0");
    }
}
