//! Reading the tab-separated word lists; also used by `build.rs`, so it stands alone.

/// Rows of a tab-separated list: `(line number, fields)`, skipping comments and blanks.
pub fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}
