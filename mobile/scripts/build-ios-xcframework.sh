#!/usr/bin/env bash
# Builds mobile/dist/KarvonMobile.xcframework (device + simulator static libraries with the
# generated C header and module map) and copies KarvonMobile.swift beside it.
# Documented, not run by CI.
#
# Needs macOS with Xcode 15 or newer (xcodebuild, lipo, the iOS SDKs) — NONE of this can run on
# Linux — and rustup targets aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios.
# The Swift bindings are generated on any machine (`cargo xtask bindings`) and are committed in
# mobile/bindings/swift; they are checked for changes by the tests but cannot be compiled
# without a Swift toolchain.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=mobile/dist
WORK=target/xcframework
rm -rf "$WORK" "$OUT/KarvonMobile.xcframework" && mkdir -p "$WORK/include" "$WORK/sim" "$OUT"

for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
    cargo build -p karvon-mobile --profile mobile --target "$t"
done
lipo -create \
    target/aarch64-apple-ios-sim/mobile/libkarvon_mobile.a \
    target/x86_64-apple-ios/mobile/libkarvon_mobile.a \
    -output "$WORK/sim/libkarvon_mobile.a"

cargo xtask bindings
cp mobile/bindings/swift/KarvonMobileFFI.h "$WORK/include/"
cp mobile/bindings/swift/KarvonMobileFFI.modulemap "$WORK/include/module.modulemap"

xcodebuild -create-xcframework \
    -library target/aarch64-apple-ios/mobile/libkarvon_mobile.a -headers "$WORK/include" \
    -library "$WORK/sim/libkarvon_mobile.a" -headers "$WORK/include" \
    -output "$OUT/KarvonMobile.xcframework"
cp mobile/bindings/swift/KarvonMobile.swift "$OUT/"
echo "$OUT/KarvonMobile.xcframework"
