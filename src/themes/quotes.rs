//! Choosing representative quotes for a theme.
//!
//! Owns [`QuoteCandidate`] and [`representative_quotes`]: a deterministic pick that prefers
//! detractor comments of medium length that contain one of the theme's keywords. Finding the
//! candidates (rows mentioning the theme) is the caller's job.

use super::group::NpsGroup;

/// Preferred quote length in words (medium: long enough to explain, short enough to read).
pub const IDEAL_QUOTE_WORDS: usize = 18;
/// Shortest quote preferred (words).
pub const MIN_QUOTE_WORDS: usize = 6;
/// Longest quote preferred (words).
pub const MAX_QUOTE_WORDS: usize = 45;

/// A comment that mentions the theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteCandidate<'a> {
    /// Row of the comment in the survey (returned, and the final tie-breaker).
    pub row: usize,
    /// The comment text.
    pub text: &'a str,
    /// The respondent's group.
    pub group: NpsGroup,
    /// Whether a keyword of the theme matched (not only a compound or phrase guess).
    pub has_keyword: bool,
}

fn group_rank(group: NpsGroup) -> u8 {
    match group {
        NpsGroup::Detractor => 0,
        NpsGroup::Passive => 1,
        NpsGroup::Promoter => 2,
    }
}

/// Rows of up to `max_quotes` quotes, best first: detractors before passives before promoters,
/// then those with a keyword, then medium length ([`MIN_QUOTE_WORDS`]..=[`MAX_QUOTE_WORDS`]
/// words, closest to [`IDEAL_QUOTE_WORDS`]), then row order. Repeated texts count once.
pub fn representative_quotes(candidates: &[QuoteCandidate<'_>], max_quotes: usize) -> Vec<usize> {
    let mut ranked: Vec<(u8, bool, bool, usize, usize, String)> = candidates
        .iter()
        .map(|c| {
            let words = c.text.split_whitespace().count();
            let medium = (MIN_QUOTE_WORDS..=MAX_QUOTE_WORDS).contains(&words);
            let normalised = c.text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            (group_rank(c.group), !c.has_keyword, !medium, words.abs_diff(IDEAL_QUOTE_WORDS), c.row, normalised)
        })
        .filter(|r| !r.5.is_empty())
        .collect();
    ranked.sort();
    let mut seen: Vec<&str> = Vec::new();
    let mut rows = Vec::new();
    for r in &ranked {
        if rows.len() == max_quotes {
            break;
        }
        if seen.contains(&r.5.as_str()) {
            continue;
        }
        seen.push(&r.5);
        rows.push(r.4);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_detractors_with_keyword_and_medium_length() {
        let medium = "Ik heb drie weken moeten wachten op een antwoord van de klantenservice, dat is echt te lang";
        let long = "wachten ".repeat(60);
        let candidates = [
            QuoteCandidate { row: 0, text: "wachten", group: NpsGroup::Detractor, has_keyword: true },
            QuoteCandidate { row: 1, text: medium, group: NpsGroup::Promoter, has_keyword: true },
            QuoteCandidate { row: 2, text: &long, group: NpsGroup::Detractor, has_keyword: true },
            QuoteCandidate { row: 3, text: medium, group: NpsGroup::Detractor, has_keyword: true },
            QuoteCandidate { row: 4, text: medium, group: NpsGroup::Detractor, has_keyword: true },
            QuoteCandidate {
                row: 5,
                text: "De wachttijden aan de telefoon zijn echt veel te lang",
                group: NpsGroup::Detractor,
                has_keyword: false,
            },
            QuoteCandidate { row: 6, text: "   ", group: NpsGroup::Detractor, has_keyword: true },
        ];
        assert_eq!(representative_quotes(&candidates, 3), [3, 0, 2]);
        assert_eq!(representative_quotes(&candidates, 2), [3, 0]);
        let reversed: Vec<QuoteCandidate> = candidates.iter().rev().copied().collect();
        assert_eq!(representative_quotes(&reversed, 3), [3, 0, 2], "order of input does not matter");
        assert!(representative_quotes(&[], 3).is_empty());
    }
}
