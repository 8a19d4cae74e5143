//! `slo validate`, `slo report`, `slo schema` and `slo example` on real files.

mod common;
use common::{file, slo};

use std::path::PathBuf;

use slo_core::codec::export_json;
use slo_core::examples;

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

#[test]
fn the_shipped_examples_and_schema_are_current() {
    for (path, model) in [
        ("examples/workbook-api.json", examples::workbook_api()),
        ("examples/seed-chain.json", examples::seed_chain()),
    ] {
        let committed = std::fs::read_to_string(repo_file(path)).unwrap();
        assert_eq!(
            committed.trim_end(),
            export_json(&model),
            "{path}: regenerate it"
        );
    }
    let schema = slo(&["schema"]);
    assert!(schema.status.success());
    let committed = std::fs::read_to_string(repo_file("public/slo-model.schema.json")).unwrap();
    assert_eq!(
        committed,
        String::from_utf8(schema.stdout).unwrap(),
        "run: slo schema > public/slo-model.schema.json"
    );
}

#[test]
fn validate_exits_0_on_the_examples() {
    for path in ["examples/workbook-api.json", "examples/seed-chain.json"] {
        let out = slo(&["validate", repo_file(path).to_str().unwrap()]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0), "{path}: {text}");
        assert!(text.contains("0 error(s)"), "{text}");
    }
}

#[test]
fn validate_reads_a_file_saved_with_a_byte_order_mark() {
    // Issue 27: a Windows editor's UTF-8 file starts with EF BB BF.
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(export_json(&examples::workbook_api()).as_bytes());
    let path = file("with-bom.json", &bytes);
    let out = slo(&["validate", &path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("0 error(s)"), "{text}");
}

#[test]
fn validate_exits_1_and_names_every_error_by_place_and_path() {
    let mut model = examples::workbook_api();
    model.services[0].journeys[0].slis[2].slos[0].target = "100".into();
    model.services[0].journeys[0].slis[0].slos[0].window = "0d".into();
    let path = file("hundred.json", export_json(&model).as_bytes());
    let out = slo(&["validate", &path]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let journey = &model.services[0].journeys[0];
    let place = format!(
        "{} › {} › {} › ",
        model.services[0].name, journey.name, journey.slis[2].name
    );
    let slo_name = match journey.slis[2].slos[0].name.as_str() {
        "" => "SLO 1".to_string(),
        name => name.to_string(),
    };
    assert!(
        text.contains(&format!(
            "error: {place}{slo_name} › target: 100 % leaves no error budget: "
        )),
        "{text}"
    );
    assert!(
        text.contains(" [services[0].journeys[0].slis[2].slos[0].target]"),
        "{text}"
    );
    assert!(text.contains("window: \"0d\""), "{text}");
    assert!(
        text.contains(" [services[0].journeys[0].slis[0].slos[0].window]"),
        "{text}"
    );
    let out = slo(&["validate", "--json", &path]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["problems"][0]["severity"], "error");
    let problems = json["problems"].as_array().unwrap();
    let target = problems
        .iter()
        .find(|p| p["path"] == "services[0].journeys[0].slis[2].slos[0].target")
        .expect("the target's problem, by its path");
    assert_eq!(target["place"], format!("{place}{slo_name} › target"));
}

#[test]
fn validate_exits_1_not_101_on_a_huge_failover() {
    // Issue 9: this file made `slo validate` panic ("Multiplication overflowed").
    let mut model = examples::seed_chain();
    model.services[0].dependencies[0].coupling = slo_core::model::Coupling::Redundant {
        replicas: "2".into(),
        required: "1".into(),
        failover: "1000000000000000000000w".into(),
        failures_per_year: "1000".into(),
    };
    let path = file("failover.json", export_json(&model).as_bytes());
    let out = slo(&["validate", &path]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("coupling › failover: \"1000000000000000000000w\" is too long: a failover can be at most 365d"), "{text}");
    let out = slo(&["report", "--json", &path]);
    assert!(
        out.status.code() != Some(101),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn validate_exits_2_when_the_file_cannot_be_read_or_parsed() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("not-json.json", b"{ nope".to_vec(), "not JSON: line 1"),
        ("binary.json", vec![0xff, 0xfe, 0x00, 0x01], "not text"),
        ("array.json", b"[1, 2]".to_vec(), "no \"schemaVersion\""),
        ("newer.json", br#"{"schemaVersion": 10, "team": {"name": "x"}}"#.to_vec(), "schemaVersion 10, newer"),
        ("old.json", br#"{"schemaVersion": 0}"#.to_vec(), "schemaVersion 0"),
        ("shape.json", br#"{"schemaVersion": 1, "team": {"name": "x"}, "services": [{"name": "a", "journeys": [{"name": "j", "slis": [{"name": "s", "kind": "speed"}]}]}]}"#.to_vec(), "services[0].journeys[0].slis[0].kind: unknown variant `speed`"),
        ("unknown.json", br#"{"schemaVersion": 1, "team": {"name": "x", "budget": 3}}"#.to_vec(), "team.budget: unknown field `budget`, expected `name` or `description` (the file says schemaVersion 1)"),
    ];
    for (name, content, needle) in cases {
        let path = file(name, &content);
        let out = slo(&["validate", &path]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(needle), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
    let out = slo(&["validate", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn report_prints_every_slo_budget() {
    let path = repo_file("examples/workbook-api.json");
    let out = slo(&["report", "--json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let slos = json["slos"].as_array().unwrap();
    assert_eq!(slos.len(), 3);
    // SRE Workbook ch. 2: 3,663,253 requests at 97 %, 90 % and 99 %.
    let bad: Vec<_> = slos
        .iter()
        .map(|s| s["budget"]["allowed_bad_events"].as_u64().unwrap())
        .collect();
    assert_eq!(bad, [109_897, 366_325, 36_632]);
    assert_eq!(slos[0]["budget"]["allowed_downtime"], "20h 9m 36s");
    let text = slo(&["report", path.to_str().unwrap()]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("allowed bad events 109,897"), "{text}");
}

#[test]
fn report_includes_composites_ceilings_and_allocation() {
    let mut model = examples::seed_chain();
    model.services[0].journeys[0].slis[0].slos[0].target = "99.95".into();
    let path = file("ceiling.json", export_json(&model).as_bytes());
    let out = slo(&["report", "--json", &path]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let service = &json["services"][0];
    assert_eq!(
        service["composite"]["availability"]["independent"],
        "0.9880212372525"
    );
    assert_eq!(service["composite"]["availability"]["pessimistic"], "0.988");
    assert_eq!(service["composite"]["availability"]["optimistic"], "0.99");
    assert!(service["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("this service can reach"));
    assert_eq!(
        service["allocations"][0]["allocation"]["dependencies"][1]["name"],
        "Azure Database for MySQL"
    );
    assert_eq!(
        service["allocations"][0]["allocation"]["dependencies"][1]["budget_percent"],
        "200"
    );
    let text = String::from_utf8(slo(&["report", &path]).stdout).unwrap();
    assert!(text.contains("independent failures 98.8021 %"), "{text}");
    // Graph errors come out of validate with their paths.
    model.services[0].dependencies[0].source = slo_core::model::DependencySource::Service;
    let path = file("missing.json", export_json(&model).as_bytes());
    let out = slo(&["validate", &path]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(": no service \"Azure Kubernetes Service\" in the model: add it, or make the dependency external [services[0].dependencies[0].name]"), "{text}");
}

#[test]
fn a_component_validates_without_journeys_and_reports_its_kind() {
    let model = examples::with_leaderboard_cache(examples::workbook_api());
    let path = file("component.json", export_json(&model).as_bytes());
    let out = slo(&["validate", &path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = slo(&["report", &path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Leaderboard cache (infrastructure): composite availability"),
        "{text}"
    );
    let out = slo(&["report", "--json", &path]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["services"][1]["kind"], "infrastructure");
    assert_eq!(json["services"][0]["kind"], "userFacing");
}

#[test]
fn example_prints_the_shipped_examples_and_a_valid_model_at_any_scale() {
    for (which, path) in [
        ("workbook", "examples/workbook-api.json"),
        ("seed-chain", "examples/seed-chain.json"),
    ] {
        let printed = slo(&["example", which]);
        assert!(printed.status.success());
        let committed = std::fs::read_to_string(repo_file(path)).unwrap();
        assert_eq!(
            String::from_utf8(printed.stdout).unwrap(),
            committed,
            "{which}"
        );
    }
    let scale = slo(&["example", "scale", "--services", "12"]);
    assert!(scale.status.success());
    let scale_file = file("scale-12.json", &scale.stdout);
    let checked = slo(&["validate", &scale_file]);
    assert_eq!(
        checked.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    let refused = slo(&["example", "scale", "--services", "0"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("0 is not in 1..=1000"));
}

#[test]
fn validate_takes_several_files_a_line_each_and_exits_with_the_worst() {
    // Issue 27: a CI step validates a folder at once.
    let good = repo_file("examples/workbook-api.json");
    let good = good.to_str().unwrap();
    let mut broken = examples::workbook_api();
    broken.services[0].journeys[0].slis[0].slos[0].target = "101".into();
    let bad = file("bad-target.json", export_json(&broken).as_bytes());
    let out = slo(&["validate", good, &bad]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    let summaries: Vec<&str> = text.lines().filter(|l| l.contains(" error(s), ")).collect();
    assert_eq!(summaries.len(), 2, "{text}");
    assert!(summaries[0].starts_with(good), "{text}");
    assert!(
        summaries[1].starts_with(&bad) && summaries[1].contains(": 1 error(s)"),
        "{text}"
    );

    // An unreadable file makes it 2, and the others are still checked.
    let out = slo(&["validate", &bad, "/no/such/file.json", good]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().filter(|l| l.contains(" error(s), ")).count(),
        2,
        "{text}"
    );
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("cannot read /no/such/file.json"));

    // --json: an array of the one-file objects, each with its file.
    let out = slo(&["validate", "--json", good, &bad, "/no/such/file.json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["file"], good);
    assert_eq!(v[0]["valid"], true);
    assert_eq!(v[1]["valid"], false);
    assert_eq!(
        v[1]["problems"][0]["path"],
        "services[0].journeys[0].slis[0].slos[0].target"
    );
    assert_eq!(v[2]["valid"], false);
    assert!(v[2]["error"].as_str().unwrap().contains("cannot read"));
    // One file keeps its released shape: no `file` key.
    let one: serde_json::Value =
        serde_json::from_slice(&slo(&["validate", "--json", good]).stdout).unwrap();
    assert_eq!(
        one.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["problems", "valid"]
    );
}

#[test]
fn a_usage_error_names_every_missing_argument_and_the_usage() {
    let out = slo(&["budget"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        text.trim_end(),
        "slo: the following required arguments were not provided: --target <TARGET>\nusage: slo budget --target <TARGET>"
    );
    let text = String::from_utf8(slo(&["validate"]).stderr).unwrap();
    assert!(
        text.starts_with("slo: the following required arguments were not provided: <FILES>...\n"),
        "{text}"
    );
    let text = String::from_utf8(slo(&["alerts", "--window", "30d"]).stderr).unwrap();
    assert!(text.contains("not provided: --target <TARGET>"), "{text}");
}
