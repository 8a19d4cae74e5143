//! A file saved by a Windows editor starts with a UTF-8 byte order mark
//! (EF BB BF): the model's JSON and OpenSLO YAML are read as the text after
//! it, by the pages' workers and by the CLI's readers alike (issue 27).

use slo_core::codec::{export_json, parse_json};
use slo_core::examples::workbook_api;
use slo_core::export::openslo::read::read_openslo;
use slo_core::export::openslo::write::openslo_yaml;
use slo_core::export::worker::{import, import_json, is_json, MODEL};
use slo_core::quantity::zone::UtcOnly;

fn with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

#[test]
fn a_model_file_with_a_byte_order_mark_opens_as_the_same_model() {
    let model = workbook_api();
    let bytes = with_bom(&export_json(&model));
    assert_eq!(parse_json(&bytes), Ok(model.clone()));
    // The pages send it to the JSON importer, which opens it.
    assert!(is_json(&bytes));
    assert_eq!(import_json(&bytes).key, MODEL);
    let answer = import(&bytes);
    assert_eq!(answer.key, MODEL, "{}", answer.text);
}

#[test]
fn openslo_with_a_byte_order_mark_reads_as_without() {
    let yaml = openslo_yaml(&workbook_api(), &UtcOnly).yaml;
    let plain = read_openslo(yaml.as_bytes()).expect("our own OpenSLO export reads");
    let marked = read_openslo(&with_bom(&yaml)).expect("with a byte order mark too");
    assert_eq!(marked.model, plain.model);
    assert!(!is_json(&with_bom(&yaml)));
}

#[test]
fn only_a_leading_mark_is_dropped() {
    // A mark inside the text is not whitespace: the JSON is refused there.
    let mut bytes = b"{".to_vec();
    bytes.extend_from_slice(&with_bom("}"));
    assert!(parse_json(&bytes).is_err());
}
