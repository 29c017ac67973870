//! Charts as data: a [`ChartSpec`] says what a chart shows (bars, their tones and labels, axis
//! titles, footnote). The window draws it with egui_plot and exports render the same spec, so
//! what the user sees is what they export.
//!
//! Owns chart descriptions only; no drawing and no statistics happen here.

use serde::Serialize;

use crate::analysis::NpsSummary;

/// The meaning of a bar, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Scores 9-10.
    Promoter,
    /// Scores 7-8.
    Passive,
    /// Scores 0-6.
    Detractor,
    /// Anything without an NPS group.
    Neutral,
}

impl Tone {
    /// The NPS group of a 0-10 score.
    #[must_use]
    pub fn of_score(score: usize) -> Self {
        match score {
            0..=6 => Self::Detractor,
            7 | 8 => Self::Passive,
            _ => Self::Promoter,
        }
    }
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarSpec {
    /// Position on the x axis.
    pub x: f64,
    /// Height.
    pub value: f64,
    /// Colour meaning.
    pub tone: Tone,
    /// Category label under the bar.
    pub category: String,
    /// Text shown above the bar (count and share).
    pub label: String,
}

/// A chart, ready to draw or export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartSpec {
    /// Stable identifier (plot id, export file name).
    pub id: String,
    /// Title above the chart.
    pub title: String,
    /// X axis title.
    pub x_title: String,
    /// Y axis title.
    pub y_title: String,
    /// The bars, left to right.
    pub bars: Vec<BarSpec>,
    /// Legend entries: a name per tone used.
    pub legend: Vec<(Tone, String)>,
    /// Footnote with n, interval and source.
    pub footnote: String,
}

/// Words the distribution chart needs, in the user's language.
#[derive(Debug, Clone, Copy)]
pub struct DistributionWords<'a> {
    /// Chart title.
    pub title: &'a str,
    /// X axis title.
    pub score: &'a str,
    /// Y axis title.
    pub responses: &'a str,
    /// Legend names for detractors, passives, promoters.
    pub groups: [&'a str; 3],
    /// The footnote, already filled.
    pub footnote: &'a str,
}

/// The 0-10 distribution as bars coloured by NPS group, each labelled with its count and share.
#[must_use]
pub fn distribution_chart(summary: &NpsSummary, words: &DistributionWords<'_>) -> ChartSpec {
    let n = summary.n.max(1) as f64;
    let bars = summary
        .distribution
        .iter()
        .enumerate()
        .map(|(score, &count)| BarSpec {
            x: score as f64,
            value: count as f64,
            tone: Tone::of_score(score),
            category: score.to_string(),
            label: format!("{count} ({:.0}%)", 100.0 * count as f64 / n),
        })
        .collect();
    ChartSpec {
        id: "distribution".to_owned(),
        title: words.title.to_owned(),
        x_title: words.score.to_owned(),
        y_title: words.responses.to_owned(),
        bars,
        legend: vec![
            (Tone::Detractor, words.groups[0].to_owned()),
            (Tone::Passive, words.groups[1].to_owned()),
            (Tone::Promoter, words.groups[2].to_owned()),
        ],
        footnote: words.footnote.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{distribution_of, summarise_scores};

    #[test]
    fn bars_follow_the_distribution_and_groups() {
        let summary = summarise_scores(distribution_of([0, 6, 7, 9, 10, 10])).unwrap();
        let words =
            DistributionWords { title: "t", score: "s", responses: "r", groups: ["D", "Pa", "P"], footnote: "f" };
        let chart = distribution_chart(&summary, &words);
        assert_eq!(chart.bars.len(), 11);
        assert_eq!(chart.bars[10].value, 2.0);
        assert_eq!(chart.bars[10].label, "2 (33%)");
        assert_eq!(chart.bars[6].tone, Tone::Detractor);
        assert_eq!(chart.bars[7].tone, Tone::Passive);
        assert_eq!(chart.bars[9].tone, Tone::Promoter);
    }
}
