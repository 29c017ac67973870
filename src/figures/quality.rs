//! The rows left out, by column and reason: the data-quality table.

use super::*;

/// Rows left out, by column and reason, with example rows and values.
#[must_use]
pub fn quality_table(excluded: &[ExcludedRows], w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let columns = vec![
        Column::new(x.col_column, ColumnKind::Text),
        Column::new(t.reason, ColumnKind::Text),
        Column::new(t.rows, ColumnKind::Integer),
        Column::new(t.examples, ColumnKind::Text),
        Column::new(x.col_example_values, ColumnKind::Text),
    ];
    let rows = excluded
        .iter()
        .map(|e| {
            let examples: Vec<String> = e.examples.iter().map(ToString::to_string).collect();
            vec![
                e.column.as_str().into(),
                t.exclusion_reason(e.reason).into(),
                (e.rows as u64).into(),
                examples.join(", ").into(),
                example_values(&e.values),
            ]
        })
        .collect();
    Table { title: x.table_quality.to_owned(), columns, rows }
}

/// The distinct example values, in order, without blanks (a blank answer has nothing to show:
/// its reason says it); an empty cell when none is left.
fn example_values(values: &[String]) -> Cell {
    let mut shown: Vec<&str> = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if !shown.contains(&value) {
            shown.push(value);
        }
    }
    if shown.is_empty() { Cell::Empty } else { shown.join(" | ").into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_values_are_distinct_and_blanks_leave_the_cell_empty() {
        let values = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(example_values(&values(&["", " ", ""])), Cell::Empty);
        assert_eq!(
            example_values(&values(&["ved ikke", "n.v.t.", "n.v.t.", "", "ved ikke"])),
            Cell::from("ved ikke | n.v.t.")
        );
    }
}
