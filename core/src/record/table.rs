//! Tables as people bring them: a CSV file, or cells copied from a
//! spreadsheet (tab-separated; semicolons as a European spreadsheet writes
//! them). The first line names the columns; each column is found by one of
//! its accepted names, compared without case, spaces, `_`, `-`, `%` or a
//! bracketed unit ("Start (UTC)" is "start").

use crate::echo::quote;
use crate::record::RowProblem;

/// The most rows a table may hold: two years of per-minute samples, and more.
pub const MAX_ROWS: usize = 2_000_000;

/// One column a reader looks for: its name in messages and every accepted name.
pub(crate) struct Column {
    /// How messages name it ("start").
    pub name: &'static str,
    /// Accepted header names, already normalised (see [`normalise`]).
    pub aliases: &'static [&'static str],
}

/// A table's header read: which header cell each wanted column is.
pub(crate) struct Header {
    /// For each wanted column, its index in the row, if the header has it.
    pub found: Vec<Option<usize>>,
    /// Header cells no wanted column took, as typed.
    pub unused: Vec<String>,
}

impl Header {
    /// The cell of wanted column `column` in `row`, trimmed; empty when the
    /// column or the cell is missing.
    pub fn cell<'a>(&self, row: &'a csv::StringRecord, column: usize) -> &'a str {
        self.found[column]
            .and_then(|index| row.get(index))
            .map_or("", str::trim)
    }
}

/// A header cell as compared: lower case, without a bracketed unit, `%`,
/// spaces, `_` or `-` ("Time to restore (min)" is "timetorestore").
pub(crate) fn normalise(header: &str) -> String {
    let without_unit = match header.find(['(', '[']) {
        Some(at) if at > 0 => &header[..at],
        _ => header,
    };
    without_unit
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '%' | '\t' | '"'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The delimiter of `text`: a tab if the first line has one (a spreadsheet's
/// cells), else `;` if it has a semicolon and no comma, else `,`.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains('\t') {
        b'\t'
    } else if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    }
}

/// Reads `text` as a table with a header line, finding `wanted` columns:
/// `check` sees the header first (to refuse a table without its columns),
/// then `row` is called with each row's line number (from 1) and cells.
///
/// Errors (the whole table is unusable): no header line, more than
/// [`MAX_ROWS`] rows, or what `check` says. Lines that cannot be split
/// into cells are listed with their line number; blank lines and lines
/// starting with `#` are skipped.
pub(crate) fn read_table(
    text: &str,
    wanted: &[Column],
    check: impl FnOnce(&Header) -> Result<(), String>,
    row: impl FnMut(&Header, u64, &csv::StringRecord),
) -> Result<(Header, Vec<RowProblem>), String> {
    let mut table = TableReader::start(text, wanted, check)?;
    table.read(usize::MAX, row)?;
    Ok(table.finish())
}

/// A table read a slice of rows at a time (see [`read_table`]), so that a
/// large paste can be read between a page's frames.
pub(crate) struct TableReader<'a> {
    reader: csv::Reader<&'a [u8]>,
    header: Header,
    problems: Vec<RowProblem>,
    record: csv::StringRecord,
    rows: usize,
}

impl<'a> TableReader<'a> {
    /// Reads the header of `text` and lets `check` refuse it.
    pub fn start(
        text: &'a str,
        wanted: &[Column],
        check: impl FnOnce(&Header) -> Result<(), String>,
    ) -> Result<TableReader<'a>, String> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter(text))
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let cells = reader
            .headers()
            .map_err(|e| format!("the first line cannot be read as column names: {e}"))?
            .clone();
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            return Err("the table is empty: paste it with its first line of column names".into());
        }
        let names: Vec<String> = cells.iter().map(normalise).collect();
        let found: Vec<Option<usize>> = wanted
            .iter()
            .map(|column| {
                names
                    .iter()
                    .position(|n| column.aliases.contains(&n.as_str()))
            })
            .collect();
        let unused = cells
            .iter()
            .enumerate()
            .filter(|(index, cell)| !found.contains(&Some(*index)) && !cell.trim().is_empty())
            .map(|(_, cell)| cell.trim().to_string())
            .collect();
        let header = Header { found, unused };
        check(&header)?;
        Ok(TableReader {
            reader,
            header,
            problems: Vec::new(),
            record: csv::StringRecord::new(),
            rows: 0,
        })
    }

    /// Reads at most `max` more lines (rows, blank lines and lines that
    /// cannot be split alike), calling `row` with each row; true when the
    /// table is read to its end.
    pub fn read(
        &mut self,
        max: usize,
        mut row: impl FnMut(&Header, u64, &csv::StringRecord),
    ) -> Result<bool, String> {
        for _ in 0..max {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return Ok(true),
                Ok(true) => {
                    if self.record.iter().all(|cell| cell.trim().is_empty()) {
                        continue;
                    }
                    self.rows += 1;
                    if self.rows > MAX_ROWS {
                        return Err(format!(
                            "more than {MAX_ROWS} rows: take a coarser step (per 5 minutes) or a shorter span"
                        ));
                    }
                    let line = self.record.position().map_or(0, |p| p.line());
                    row(&self.header, line, &self.record);
                }
                Err(error) => self.problems.push(RowProblem {
                    line: error.position().map(|p| p.line()),
                    reason: format!("cannot be split into cells: {error}"),
                }),
            }
        }
        Ok(false)
    }

    /// How many bytes of the text are read so far.
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }

    /// The header, and the lines that could not be split into cells.
    pub fn finish(self) -> (Header, Vec<RowProblem>) {
        (self.header, self.problems)
    }
}

/// The message for a required column the header lacks.
pub(crate) fn missing(column: &Column) -> String {
    format!(
        "no {} column: name one {} in the first line",
        column.name,
        quote(column.aliases[0])
    )
}
