//! Numbers as the interface prints them, without the standard library's float formatting.
//!
//! `format!("{v:.2}")` pulls the whole of core's float printing (Grisu with a Dragon4
//! fallback, big-number arithmetic) into the web build for a handful of call sites.
//! [`fixed`] prints exactly the same text from the float's exact binary value with a few
//! integer multiplications; the radar's eight axes are a table of exact unit vectors
//! ([`RADAR_AXES`]) instead of `sin`/`cos`. Both are checked against the standard library in
//! the tests below.

/// A base-10⁹ limb of the big numbers below.
const LIMB: u64 = 1_000_000_000;

/// `value` as `format!("{value:.decimals$}")` prints it: rounded from the exact binary value
/// to `decimals` places, an exact tie to the even digit; `-` whenever the sign bit is set
/// (so `-0.001` gives `-0.00`); `NaN`, `inf` and `-inf` as they are.
pub fn fixed(value: f64, decimals: u32) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push('-');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // value = mantissa × 2^exponent, exactly.
    let bits = value.to_bits();
    let biased = (bits >> 52) & 0x7ff;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = match (biased, fraction) {
        (0, 0) => (0, 0),
        (0, _) => (fraction, -1074),
        _ => (fraction | 1 << 52, biased as i32 - 1075),
    };
    // Then value = big × 10^-scale, exactly: m × 2^-k = m × 5^k × 10^-k; and with at least
    // `decimals` digits after the point.
    let mut big = vec![(mantissa % LIMB) as u32, (mantissa / LIMB) as u32];
    let mut scale = 0;
    if exponent >= 0 {
        mul_pow(&mut big, 2, 31, exponent.unsigned_abs());
    } else {
        mul_pow(&mut big, 5, 13, exponent.unsigned_abs());
        scale = exponent.unsigned_abs();
    }
    mul_pow(&mut big, 10, 9, decimals.saturating_sub(scale));
    let scale = scale.max(decimals) as usize;
    let drop = scale - decimals as usize;
    // Its digits, least significant first, at least one before the point.
    let mut digits = Vec::with_capacity(big.len() * 9);
    for limb in big {
        let mut l = limb;
        for _ in 0..9 {
            digits.push((l % 10) as u8);
            l /= 10;
        }
    }
    while digits.len() > scale + 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    digits.resize(digits.len().max(scale + 1), 0);
    // Round the `drop` last digits away: half up, an exact half to even.
    if let Some((dropped, kept)) = digits.split_at_mut_checked(drop) {
        let up = dropped.split_last().is_some_and(|(first, rest)| {
            *first > 5
                || (*first == 5
                    && (rest.iter().any(|d| *d != 0) || kept.first().is_some_and(|d| d % 2 == 1)))
        });
        let mut carry = up;
        for d in kept.iter_mut() {
            if !carry {
                break;
            }
            *d = (*d + 1) % 10;
            carry = *d == 0;
        }
        if carry {
            digits.push(1);
        }
    }
    let kept = digits.get(drop..).unwrap_or_default();
    let whole = kept.len() - decimals as usize;
    for (i, d) in kept.iter().rev().enumerate() {
        if i == whole {
            out.push('.');
        }
        out.push(char::from(b'0' + d));
    }
    out
}

/// Multiplies the little-endian base-10⁹ number `big` by `base^power`, `base^per_chunk`
/// (which must fit a `u32`) at a time.
fn mul_pow(big: &mut Vec<u32>, base: u32, per_chunk: u32, power: u32) {
    for _ in 0..power / per_chunk {
        mul_small(big, base.pow(per_chunk));
    }
    mul_small(big, base.pow(power % per_chunk));
}

/// Multiplies the little-endian base-10⁹ number `big` by `factor`.
fn mul_small(big: &mut Vec<u32>, factor: u32) {
    let mut carry = 0u64;
    for limb in big.iter_mut() {
        let x = u64::from(*limb) * u64::from(factor) + carry;
        *limb = (x % LIMB) as u32;
        carry = x / LIMB;
    }
    while carry > 0 {
        big.push((carry % LIMB) as u32);
        carry /= LIMB;
    }
}

/// Whole numbers as `format!("{:?}", values)` prints them: `[15, 10, 5]`.
pub fn int_list(values: &[u32]) -> String {
    let items: Vec<String> = values.iter().map(u32::to_string).collect();
    format!("[{}]", items.join(", "))
}

/// √½, the cosine and sine of 45°.
const H: f64 = std::f64::consts::FRAC_1_SQRT_2;

/// The unit vectors of the radar's eight axes at multiples of 45°, clockwise from the top in
/// SVG coordinates (y grows downwards): what `(cos, sin)` of `i × 45° − 90°` gives, without
/// the trigonometry.
pub const RADAR_AXES: [(f64, f64); 8] = [
    (0.0, -1.0),
    (H, -H),
    (1.0, 0.0),
    (H, H),
    (0.0, 1.0),
    (-H, H),
    (-1.0, 0.0),
    (-H, -H),
];

/// The point at `fraction` (clamped to 0-1) of `radius` along `axis` from `(center, center)`.
pub fn radar_point(center: f64, radius: f64, axis: (f64, f64), fraction: f64) -> (f64, f64) {
    let r = radius * fraction.clamp(0.0, 1.0);
    (center + r * axis.0, center + r * axis.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;

    /// `fixed` against the standard library for one value.
    #[track_caller]
    fn same(v: f64, decimals: u32) {
        let want = format!("{v:.prec$}", prec = decimals as usize);
        assert_eq!(fixed(v, decimals), want, "{v:e} to {decimals} places");
    }

    /// The highest score an objective can reach: every criterion at its best rung, or an
    /// override at SEAL-4. The sweeps below must cover it.
    fn max_objective_centi() -> u64 {
        let best = content::objectives()
            .iter()
            .map(|o| {
                o.criteria
                    .iter()
                    .filter_map(|c| c.best())
                    .map(|r| u64::from(r.centi_points))
                    .sum::<u64>()
            })
            .max()
            .unwrap_or(0);
        best.max(4 * 25_000)
    }

    #[test]
    fn special_values_print_as_the_standard_library_does() {
        for d in 0..=4 {
            for v in [
                0.0,
                -0.0,
                f64::NAN,
                -f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::MIN_POSITIVE,
                -f64::MIN_POSITIVE,
                f64::from_bits(1),
                -f64::from_bits(1),
                f64::MAX,
                f64::MIN,
                f64::EPSILON,
                -0.001,
                -0.005,
                -0.005 - 1e-12,
                -12.345,
                0.125,
                0.375,
                0.5,
                1.5,
                2.5,
                9.995,
                99.995,
                99.999,
                -99.999,
                1e15,
                1e16 + 2.0,
                2f64.powi(53),
                2f64.powi(64),
                123_456_789.987_654_3,
            ] {
                same(v, d);
            }
        }
        assert_eq!(fixed(-0.001, 2), "-0.00");
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(0.375, 2), "0.38");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
        // The radar's centre, which `f64::to_string` printed.
        assert_eq!(fixed(170.0, 0), 170f64.to_string());
    }

    /// Per-objective scores are `centi_points / 1000.0`; the interface prints them to two
    /// places. Every one of them, and well beyond, to 0-3 places.
    #[test]
    fn fixed_matches_std_on_every_objective_score() {
        let max = max_objective_centi();
        assert!(max <= 200_000, "the sweep below must reach {max}");
        for n in 0..=200_000u64 {
            let v = n as f64 / 1000.0;
            for d in 0..=3 {
                same(v, d);
            }
        }
    }

    /// Overall (and calculator) scores are `Σ centi_points × weight / 100_000.0` with weights
    /// summing to 100, so at most 100 × the highest objective before the division. Every tie
    /// at two places (n ≡ 500 mod 1000) and its neighbours, a dense sample of the rest, and
    /// the whole top of the range.
    #[test]
    fn fixed_matches_std_on_weighted_scores() {
        let max = max_objective_centi() * 100;
        for tie in (500..=max + 1000).step_by(1000) {
            for n in tie - 2..=tie + 2 {
                same(n as f64 / 100_000.0, 2);
            }
        }
        for n in (0..=max).step_by(7) {
            same(n as f64 / 100_000.0, 2);
        }
        for n in max.saturating_sub(20_000)..=max {
            same(n as f64 / 100_000.0, 2);
        }
    }

    /// Random bit patterns: every finite and non-finite value, 0-20 places.
    #[test]
    fn fixed_matches_std_on_random_floats() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..200_000u32 {
            // xorshift64*
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
            let v = f64::from_bits(r);
            same(v, i % 21);
            // Also values of everyday size, where rounding happens.
            let small = (r >> 11) as f64 / (1u64 << 53) as f64 * 1000.0 - 500.0;
            same(small, i % 4);
        }
    }

    #[test]
    fn int_list_matches_debug() {
        assert_eq!(int_list(&[]), format!("{:?}", [0u32; 0]));
        let samples: [[u32; 8]; 4] = [
            [15, 10, 10, 15, 20, 15, 10, 5],
            [0; 8],
            [100, 0, 0, 0, 0, 0, 0, 0],
            [u32::MAX, 1, 22, 333, 4444, 55555, 666666, 7777777],
        ];
        for w in samples {
            assert_eq!(int_list(&w), format!("{w:?}"));
            assert_eq!(int_list(&w), format!("{:?}", &w));
        }
        assert_eq!(int_list(&[7]), format!("{:?}", [7u32]));
    }

    /// The trigonometry the radar used before the table.
    fn trig_point(center: f64, radius: f64, i: usize, fraction: f64) -> (f64, f64) {
        let angle = std::f64::consts::TAU * (i as f64) / 8.0 - std::f64::consts::FRAC_PI_2;
        let r = radius * fraction.clamp(0.0, 1.0);
        (center + r * angle.cos(), center + r * angle.sin())
    }

    #[test]
    fn radar_axes_are_the_trig_unit_vectors() {
        for (i, (x, y)) in RADAR_AXES.iter().enumerate() {
            let (tx, ty) = trig_point(0.0, 1.0, i, 1.0);
            assert!((x - tx).abs() < 1e-15 && (y - ty).abs() < 1e-15, "axis {i}");
        }
    }

    /// Every point the radar draws, printed to one place as the SVG has it, is the same with
    /// the table as with `cos`/`sin`: every score n/1000 % (0-100 % and beyond, clamped), the
    /// rings and the label positions, on the chart's centre 170 and radius 120.
    #[test]
    fn radar_points_print_as_with_trigonometry() {
        let check = |center: f64, radius: f64, fraction: f64| {
            for (i, axis) in RADAR_AXES.iter().enumerate() {
                let (x, y) = radar_point(center, radius, *axis, fraction);
                let (tx, ty) = trig_point(center, radius, i, fraction);
                assert_eq!(
                    (fixed(x, 1), fixed(y, 1)),
                    (format!("{tx:.1}"), format!("{ty:.1}")),
                    "axis {i} at {fraction} on {center}/{radius}"
                );
            }
        };
        for n in 0..=150_000u64 {
            let percent = n as f64 / 1000.0;
            check(170.0, 120.0, percent / 100.0);
        }
        for f in [0.25, 0.5, 0.75, 1.0, 1.17, -0.5, 25.0, 50.0, 75.0, 100.0] {
            check(170.0, 120.0, f);
            check(170.0, 120.0, f * 100.0 / 100.0);
        }
    }
}
