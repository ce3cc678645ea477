#!/usr/bin/env bash
# Builds mobile/dist/karvon-mobile.aar: the library for arm64-v8a, armeabi-v7a and x86_64 plus
# the Kotlin bindings compiled to classes.jar. Documented, not run by CI.
#
# Needs (none of the first three are on the CI machine, so step 1 cannot run there):
#   - Android NDK r26 or newer, with ANDROID_NDK_HOME set (its clang builds ring and SQLite);
#   - rustup targets: aarch64-linux-android armv7-linux-androideabi x86_64-linux-android;
#   - cargo-ndk 3.x (`cargo install cargo-ndk`);
#   - for step 3 (runs on Linux too): JDK 17, kotlinc 2.x, JNA and kotlinx-coroutines jars —
#     what `cargo xtask setup` installs; `zip`.
# The app then depends on `net.java.dev.jna:jna:5.14.0@aar` and
# `org.jetbrains.kotlinx:kotlinx-coroutines-android` (the AAR does not bundle them).
set -euo pipefail
cd "$(dirname "$0")/../.."
API=${ANDROID_MIN_SDK:-24}
OUT=mobile/dist
WORK=target/aar
rm -rf "$WORK" && mkdir -p "$WORK/jni" "$OUT"

# 1. The native library per ABI (stripped, size-tuned profile).
: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to the Android NDK}"
cargo ndk --platform "$API" -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$WORK/jni" \
    build -p karvon-mobile --profile mobile

# 2. The Kotlin bindings, generated from the unstripped host build (stripping removes the
#    metadata uniffi-bindgen reads).
cargo xtask bindings

# 3. classes.jar: the bindings only use JNA and coroutines, so any JVM kotlinc compiles them.
KOTLIN_HOME=${KOTLIN_HOME:-$HOME/.cache/karvon/npm/node_modules/kotlin-compiler}
"$KOTLIN_HOME/bin/kotlinc" mobile/bindings/kotlin/uz/karvon/mobile/karvon_mobile.kt \
    -jvm-target 17 -nowarn \
    -cp /usr/share/java/jna.jar:"$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar" \
    -d "$WORK/classes.jar"

# 4. The AAR: manifest, classes.jar, jni/<abi>/libkarvon_mobile.so, empty R.txt.
cat > "$WORK/AndroidManifest.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="uz.karvon.mobile">
    <uses-sdk android:minSdkVersion="$API" />
</manifest>
XML
: > "$WORK/R.txt"
(cd "$WORK" && rm -f ../../"$OUT"/karvon-mobile.aar \
    && zip -qr ../../"$OUT"/karvon-mobile.aar AndroidManifest.xml classes.jar R.txt jni)
echo "$OUT/karvon-mobile.aar"
