//! Writes the example models to `examples/*.json` (run from the repository root):
//! `cargo run -p slo-core --example write_examples`.

use slo_core::codec::export_json;
use slo_core::examples::{seed_chain, workbook_api};

fn main() -> std::io::Result<()> {
    std::fs::create_dir_all("examples")?;
    std::fs::write(
        "examples/workbook-api.json",
        export_json(&workbook_api()) + "\n",
    )?;
    std::fs::write(
        "examples/seed-chain.json",
        export_json(&seed_chain()) + "\n",
    )?;
    Ok(())
}
