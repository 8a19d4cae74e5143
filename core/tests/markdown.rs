//! The Markdown export, read back by a real CommonMark reader
//! (pulldown-cmark, with GitHub's tables): the document's headings are its
//! own, every table cell shows exactly the text it was given, and no text
//! from the model becomes markup (headings, lists, HTML, links, emphasis).

use proptest::prelude::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use slo_core::examples;
use slo_core::model::document::Change;
use slo_core::model::Model;
use slo_core::quantity::zone::UtcOnly;
use slo_core::report::document::slo_rows;
use slo_core::report::markdown::document_markdown;

/// What a reader of the Markdown sees.
#[derive(Default, Debug)]
struct Read {
    /// Every heading's text, with its level.
    headings: Vec<(HeadingLevel, String)>,
    /// Every table: its rows (the header first), each a list of cell texts
    /// (a `<br>` read as a line break).
    tables: Vec<Vec<Vec<String>>>,
    /// Every piece of markup that is not the export's own: HTML other than
    /// `<br>`, links, images, code, emphasis, strikethrough, block quotes.
    foreign: Vec<String>,
    /// All the text, in order.
    text: String,
}

fn read(markdown: &str) -> Read {
    let mut out = Read::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        let piece = match &event {
            Event::Text(t) => Some(t.to_string()),
            Event::InlineHtml(h) if h.as_ref() == "<br>" => Some("\n".into()),
            Event::SoftBreak | Event::HardBreak => Some("\n".into()),
            _ => None,
        };
        if let Some(piece) = piece {
            out.text.push_str(&piece);
            if let Some(cell) = cell.as_mut() {
                cell.push_str(&piece);
            } else if let Some((_, title)) = heading.as_mut() {
                title.push_str(&piece);
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => out.headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) => out.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(table) = out.tables.last_mut() {
                    table.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                if let Some(row) = out.tables.last_mut().and_then(|t| t.last_mut()) {
                    row.push(text);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => out.foreign.push(format!("html {h}")),
            Event::Code(c) => out.foreign.push(format!("code {c}")),
            Event::Start(
                tag @ (Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Emphasis
                | Tag::Strikethrough
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)),
            ) => out.foreign.push(format!("{tag:?}")),
            _ => {}
        }
    }
    out
}

/// The headings the export writes, for a model with components or without.
fn own_headings(with_components: bool, with_dependencies: bool, with_session: bool) -> Vec<String> {
    let mut all = vec![
        "Service overview",
        "SLIs and SLOs",
        "Components",
        "Dependencies",
        "Rationale",
        "Error budget",
        "Alerting",
        "Error budget policy",
        "Scope",
        "Purpose",
        "Conditions",
        "Consequences",
        "Escalation policy",
        "Agreed by",
        "Next review of this policy",
        "Clauses",
        "Clarifications and caveats",
        "On-call agreement",
        "Change log",
        "Approvals",
        "Workshop session",
    ];
    if !with_components {
        all.retain(|h| *h != "Components");
    }
    if !with_dependencies {
        all.retain(|h| *h != "Dependencies");
    }
    if !with_session {
        all.retain(|h| *h != "Workshop session");
    }
    all.into_iter().map(String::from).collect()
}

fn titles(read: &Read) -> Vec<String> {
    read.headings
        .iter()
        .skip(1)
        .map(|(_, t)| t.clone())
        .collect()
}

/// The SLI/SLO table: the one whose header starts "Service / journey".
fn slo_table(read: &Read) -> &Vec<Vec<String>> {
    read.tables
        .iter()
        .find(|t| t[0][0] == "Service / journey")
        .expect("the SLI/SLO table")
}

#[test]
fn every_slo_is_in_the_table_with_its_target_window_zone_and_budget() {
    for model in [examples::workbook_api(), examples::seed_chain()] {
        let markdown = document_markdown(&model, &UtcOnly);
        let read = read(&markdown);
        assert!(read.foreign.is_empty(), "{:?}", read.foreign);
        let with_components = model.services.iter().any(|s| !s.kind.is_user_facing());
        let with_dependencies = model.services.iter().any(|s| !s.dependencies.is_empty());
        assert_eq!(
            titles(&read),
            own_headings(
                with_components,
                with_dependencies,
                !model.session.is_empty()
            )
        );
        let rows = slo_rows(&model, &UtcOnly);
        let table = slo_table(&read);
        assert_eq!(table.len(), rows.len() + 1);
        for (row, cells) in rows.iter().zip(&table[1..]) {
            assert_eq!(cells[0], format!("{} / {}", row.service, row.journey));
            assert_eq!(cells[3], format!("{} %", row.target_percent));
            // A calendar window's time zone; a rolling window has the same
            // length in every zone.
            let window = match row.zone_matters() {
                true => format!("{} (time zone: {})", row.window, row.time_zone),
                false => row.window.clone(),
            };
            assert_eq!(cells[4], window);
            assert_eq!(cells[5], row.allowed_downtime);
            assert_eq!(cells[6], row.allowed_bad_events);
        }
    }
}

#[test]
fn the_workbook_example_carries_its_reference_figures() {
    let read = read(&document_markdown(&examples::workbook_api(), &UtcOnly));
    let table = slo_table(&read);
    // SRE Workbook ch. 2: 97 % of 3,663,253 valid events allows 109,897 bad ones.
    assert!(table.iter().any(|r| r[6] == "109,897"), "{table:?}");
    assert!(read.text.contains("truncated to a whole event"));
}

/// A model whose every text tries to be markup.
fn hostile() -> Model {
    let mut model = examples::workbook_api();
    model.team.name = "# <script>alert(1)</script> | *team*".into();
    let service = &mut model.services[0];
    service.name = "A | B\\".into();
    service.journeys[0].name = "[link](http://x) ![img](y) `code` ~~gone~~".into();
    // A dependency's name goes into the Dependencies tables.
    let mut dependency = examples::seed_chain().services[0].dependencies[0].clone();
    dependency.name = "<b>db</b> | *x* [l](u)".into();
    service.dependencies.push(dependency);
    let sli = &mut service.journeys[0].slis[0];
    sli.name = "_emphasis_ & &amp; $x$".into();
    sli.good_events = "1. first\n- second\n> quoted\n    indented".into();
    // The session's names and sentences go into its tables.
    model.session.participants[0].name = "<i>Betsy</i> | *B* [x](y)".into();
    model.session.questions[0].question = "# Heading?\n- a list".into();
    model.session.decisions[0].why = "`code` | ~~why~~".into();
    model.document.rationale = "# Not a heading\n---\n=== \n+ item\n<div>html</div>".into();
    model.document.change_log.push(Change {
        date: "2026-11-22".into(),
        author: "| pipe |".into(),
        description: "line one\nline two".into(),
    });
    model.policy.scope = "## Scope?".into();
    model
}

#[test]
fn no_text_from_the_model_becomes_markup() {
    let model = hostile();
    let markdown = document_markdown(&model, &UtcOnly);
    let read = read(&markdown);
    assert!(read.foreign.is_empty(), "{:?}\n{markdown}", read.foreign);
    assert_eq!(
        read.headings[0].1,
        format!("SLO document: {}", model.team.name)
    );
    assert_eq!(
        titles(&read),
        own_headings(
            false,
            model.services.iter().any(|s| !s.dependencies.is_empty()),
            true
        )
    );
    let table = slo_table(&read);
    let first = &table[1];
    assert_eq!(
        first[0],
        format!(
            "{} / {}",
            model.services[0].name, model.services[0].journeys[0].name
        )
    );
    assert!(first[1].starts_with(&model.services[0].journeys[0].slis[0].name));
    assert_eq!(
        first[2],
        "good: 1. first\n- second\n> quoted\nindented\nvalid: requests, excluding health checks"
            .replace(
                "requests, excluding health checks",
                &model.services[0].journeys[0].slis[0].valid_events,
            )
    );
    assert!(
        read.text
            .contains("# Not a heading\n---\n===\n+ item\n<div>html</div>"),
        "{}",
        read.text
    );
    let log = read
        .tables
        .iter()
        .find(|t| t[0] == ["Date", "Author", "Change"])
        .expect("the change log");
    assert_eq!(
        log.last().unwrap(),
        &["2026-11-22", "| pipe |", "line one\nline two"]
    );
}

proptest! {
    /// Any one-line name shows as itself in its table cell, and makes no markup.
    #[test]
    fn any_name_shows_as_itself(name in "[ -~\u{e9}\u{2014}\u{1F600}]{0,40}") {
        let mut model = examples::workbook_api();
        model.services[0].name = name.clone();
        let read = read(&document_markdown(&model, &UtcOnly));
        prop_assert!(read.foreign.is_empty(), "{:?}", read.foreign);
        let table = slo_table(&read);
        let journey = &model.services[0].journeys[0].name;
        let expected = format!("{} / {journey}", name.trim_start());
        prop_assert_eq!(table[1][0].trim(), expected.trim());
    }
}

#[test]
fn the_document_carries_the_dependency_analysis_and_marks_an_slo_above_its_ceiling() {
    // Issue 27: the signed document holds the composite and its bounds, each
    // dependency's share of the budget, and a mark on an SLO above its ceiling.
    let mut model = slo_core::examples::seed_chain();
    model.services[0].journeys[0].slis[0].slos[0].target = "99.95".into();
    let text =
        slo_core::report::markdown::document_markdown(&model, &slo_core::quantity::zone::UtcOnly);
    assert!(text.contains("## Dependencies"), "{text}");
    assert!(
        text.contains("| Order service | 99 % | 98.8021 % | 98.8 % to 99 % |"),
        "{text}"
    );
    assert!(
        text.contains("| Azure Database for MySQL | 0.1 % | 99.9 % |"),
        "{text}"
    );
    assert!(
        text.contains("99.95 % (above its 98.8021 % ceiling)"),
        "{text}"
    );
    assert!(
        text.contains("1 SLO(s) above the ceiling their dependencies allow"),
        "{text}"
    );
    assert!(text.contains("unavailabilities rounded up"), "{text}");
    // A model without dependencies has no such section.
    let plain = slo_core::report::markdown::document_markdown(
        &slo_core::examples::workbook_api(),
        &slo_core::quantity::zone::UtcOnly,
    );
    assert!(!plain.contains("## Dependencies"));
}
