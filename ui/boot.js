// Loads the wasm UI (built by `cargo xtask ui`: cargo + the wasm-bindgen CLI).
import init from './karvon_ui.js';
init();
