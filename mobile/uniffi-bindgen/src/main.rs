//! `uniffi-bindgen`: generates the Kotlin, Swift and Python bindings of `karvon-mobile` from the
//! built (unstripped) library. Same uniffi version as the library, pinned with `=`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
