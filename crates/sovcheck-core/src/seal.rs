//! SEAL levels (Sovereignty Effectiveness Assurance Levels, 0-4) and ranges of them.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A SEAL level, 0 (no sovereignty) to 4 (full digital sovereignty).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Seal(u8);

impl Seal {
    /// The lowest level.
    pub const MIN: Seal = Seal(0);
    /// The highest level.
    pub const MAX: Seal = Seal(4);

    /// A level from 0 to 4; anything else is `None`.
    pub fn new(level: u8) -> Option<Seal> {
        (level <= 4).then_some(Seal(level))
    }

    /// Used by the generated content, whose levels the build script has already checked;
    /// an out-of-range value saturates to 4 rather than panicking.
    pub(crate) const fn from_level_const(level: u8) -> Seal {
        if level > 4 {
            Seal(4)
        } else {
            Seal(level)
        }
    }

    /// The level as a number 0-4.
    pub fn level(self) -> u8 {
        self.0
    }

    /// Every level, lowest first.
    pub fn all() -> impl Iterator<Item = Seal> {
        (0..=4).map(Seal)
    }
}

impl fmt::Display for Seal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SEAL-{}", self.0)
    }
}

impl Serialize for Seal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Seal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        Seal::new(n)
            .ok_or_else(|| serde::de::Error::custom(format_args!("{n} is out of range 0..4")))
    }
}

/// A SEAL that is known only within bounds, because some answers are open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SealRange {
    /// Every open criterion at its worst answer.
    pub lower: Seal,
    /// Every open criterion at its best answer.
    pub upper: Seal,
}

impl SealRange {
    /// A range of one level.
    pub fn exact(seal: Seal) -> SealRange {
        SealRange {
            lower: seal,
            upper: seal,
        }
    }

    /// Whether open answers leave the level undecided.
    pub fn is_exact(&self) -> bool {
        self.lower == self.upper
    }

    /// The component-wise minimum of two ranges (the weakest link).
    pub fn min(self, other: SealRange) -> SealRange {
        SealRange {
            lower: self.lower.min(other.lower),
            upper: self.upper.min(other.upper),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_rejects_levels_above_four() {
        assert_eq!(Seal::new(4).map(Seal::level), Some(4));
        assert_eq!(Seal::new(5), None);
    }

    #[test]
    fn range_min_is_componentwise() {
        let a = SealRange {
            lower: Seal(1),
            upper: Seal(4),
        };
        let b = SealRange {
            lower: Seal(2),
            upper: Seal(3),
        };
        assert_eq!(
            a.min(b),
            SealRange {
                lower: Seal(1),
                upper: Seal(3)
            }
        );
    }
}
