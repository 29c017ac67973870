#!/usr/bin/env bash
# Builds the Debian/Ubuntu package of NPS Workbench: target/debian/nps-workbench_VERSION-1_ARCH.deb
# (or under $CARGO_TARGET_DIR/debian). Run from anywhere on Debian or Ubuntu with a Rust toolchain;
# as root it installs what it needs (dpkg-dev for dpkg-shlibdeps, xz-utils), and cargo-deb if it is
# missing. The binary is built with the shipping profile (`[profile.dist]` in Cargo.toml: fat LTO,
# one codegen unit, stripped): from nothing, 95 minutes here on 2 cores shared with other builds
# (dist/README.md has the figures).
#
# usage: dist/build-deb.sh [extra cargo-deb options, e.g. --target x86_64-unknown-linux-gnu]
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v dpkg-shlibdeps >/dev/null || need_packages+=(dpkg-dev)
command -v xz >/dev/null || need_packages+=(xz-utils)
if [[ ${#need_packages[@]} -gt 0 ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update
    apt-get install -y "${need_packages[@]}"
  else
    echo "build-deb: please install ${need_packages[*]} (sudo apt-get install ${need_packages[*]})" >&2
    exit 1
  fi
fi

if ! cargo deb --version >/dev/null 2>&1; then
  cargo install cargo-deb --locked
fi

# The icons packaged are the committed renderings of assets/icon/nps-workbench.svg (`cargo test`
# checks they are current; `cargo run --bin render-icons` remakes them).
started=$(date +%s)
# cargo-deb builds `cargo build --profile dist` itself ([package.metadata.deb] profile) and prints
# the path of the .deb as its last line.
deb=$(cargo deb --locked "$@" | tail -n 1)
finished=$(date +%s)

if [[ ! -f $deb ]]; then
  echo "build-deb: cargo deb did not report a package (got: $deb)" >&2
  exit 1
fi
binary_bytes=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/nps-workbench | wc -c)
echo "package: $deb"
echo "package size: $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1))"
echo "binary in it: $binary_bytes bytes ($((binary_bytes / 1048576)) MiB)"
echo "build and packaging took $((finished - started)) s"
echo "install: sudo apt install $deb   (or: sudo dpkg -i $deb)"
