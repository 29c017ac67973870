#!/usr/bin/env bash
# Assembles "NPS Workbench.app" from built binaries and zips it, on macOS.
#
# usage: dist/macos/make-app.sh OUT_DIR BINARY [BINARY...]
#   One BINARY (e.g. target/aarch64-apple-darwin/dist/nps-workbench) is copied as it is; two or more
#   (arm64 and x86_64) are joined with lipo into one universal binary that runs on every Mac.
#   Writes OUT_DIR/NPS Workbench.app and OUT_DIR/nps-workbench-VERSION-macos.zip.
#
# Build the binaries first, e.g.:
#   rustup target add aarch64-apple-darwin x86_64-apple-darwin
#   cargo build --profile dist --target aarch64-apple-darwin --bin nps-workbench
#   cargo build --profile dist --target x86_64-apple-darwin --bin nps-workbench
#
# The icon is assets/icon/nps-workbench.icns (made by `cargo run --bin render-icons` from the SVG;
# the same file `iconutil -c icns` would make from an .iconset of the PNGs). The bundle is signed
# ad hoc (`codesign --sign -`), which Apple Silicon requires to run it at all; it is not signed with
# a Developer ID nor notarised, so the first start needs right-click > Open (see README.md).
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 OUT_DIR BINARY [BINARY...]" >&2
  exit 2
fi
out_dir=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
if [[ -z $version ]]; then
  echo "make-app: no version in $repo/Cargo.toml" >&2
  exit 1
fi

app="$out_dir/NPS Workbench.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"

if [[ $# -eq 1 ]]; then
  cp "$1" "$app/Contents/MacOS/nps-workbench"
else
  lipo -create -output "$app/Contents/MacOS/nps-workbench" "$@"
fi
chmod 755 "$app/Contents/MacOS/nps-workbench"

sed "s/@VERSION@/$version/g" "$here/Info.plist" > "$app/Contents/Info.plist"
printf 'APPL????' > "$app/Contents/PkgInfo"
cp "$repo/assets/icon/nps-workbench.icns" "$app/Contents/Resources/nps-workbench.icns"
cp "$repo/assets/fonts/LICENSE-DejaVu.txt" "$app/Contents/Resources/LICENSE-DejaVu.txt"

plutil -lint "$app/Contents/Info.plist"
codesign --force --deep --sign - "$app"
codesign --verify --verbose "$app"
lipo -info "$app/Contents/MacOS/nps-workbench"

zip="$out_dir/nps-workbench-$version-macos.zip"
rm -f "$zip"
# ditto keeps the bundle's permissions, symbolic links and signature as Finder's own zip does.
ditto -c -k --sequesterRsrc --keepParent "$app" "$zip"
echo "app: $app"
echo "zip: $zip ($(stat -f %z "$zip") bytes)"
