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
                e.values.join(" | ").into(),
            ]
        })
        .collect();
    Table { title: x.table_quality.to_owned(), columns, rows }
}
