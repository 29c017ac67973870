//! The three Net Promoter groups of a respondent.
//!
//! Owns [`NpsGroup`] only; grouping a survey's rows is done by the survey frame elsewhere.

use serde::{Deserialize, Serialize};

/// Detractor (0-6), passive (7-8) or promoter (9-10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NpsGroup {
    /// Score 0-6.
    Detractor,
    /// Score 7-8.
    Passive,
    /// Score 9-10.
    Promoter,
}

impl NpsGroup {
    /// The group of a 0-10 score; `None` for scores above 10.
    pub fn from_score(score: u8) -> Option<NpsGroup> {
        match score {
            0..=6 => Some(NpsGroup::Detractor),
            7 | 8 => Some(NpsGroup::Passive),
            9 | 10 => Some(NpsGroup::Promoter),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_from_scores() {
        assert_eq!(NpsGroup::from_score(0), Some(NpsGroup::Detractor));
        assert_eq!(NpsGroup::from_score(6), Some(NpsGroup::Detractor));
        assert_eq!(NpsGroup::from_score(8), Some(NpsGroup::Passive));
        assert_eq!(NpsGroup::from_score(10), Some(NpsGroup::Promoter));
        assert_eq!(NpsGroup::from_score(11), None);
    }
}
