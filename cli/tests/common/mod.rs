//! What every CLI test does: run `slo` and write an input file.
// Each test file uses some of these.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the `slo` binary with `args`.
pub fn slo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slo"))
        .args(args)
        .output()
        .expect("slo runs")
}

/// Writes `content` to a fresh file in the target directory and returns its
/// path. Tests run in parallel and some write the same file: it is written
/// beside under a name of this thread's own and renamed into place, so a
/// `slo` another test started never reads it half written.
pub fn file(name: &str, content: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    let partial = dir.join(format!("{name}.{:?}.partial", std::thread::current().id()));
    std::fs::write(&partial, content).unwrap();
    std::fs::rename(&partial, &path).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `slo` with `args`, which must exit 0, and reads its standard output as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    let out = slo(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}
