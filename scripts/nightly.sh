# Sourced by scripts/setup.sh, build.sh and fuzz.sh: the one nightly toolchain
# the project uses, pinned so a build is repeatable. The release site needs it
# for its size flags (std rebuilt with panics as immediate aborts:
# scripts/build.sh); cargo-fuzz needs a nightly too. Everything else
# (the CLI, the core, the tests) builds on stable.
NIGHTLY=nightly-2026-10-30

# Installs the pinned nightly with the standard library's source when missing.
ensure_nightly() {
  if ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
    printf '\033[1m==> %s\033[0m\n' "installing the $NIGHTLY toolchain with rust-src (once)" >&2
    rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
  fi
}
