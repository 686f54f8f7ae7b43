//! The sovcheck web app (Yew, client-side rendered). `state` holds the reducer, `storage`
//! and `download` the browser edges, `views` one module per screen, `components` the
//! pieces they share. Content and every figure come from `sovcheck-core`.

pub mod app;
pub mod boot;
pub mod components;
pub mod download;
pub mod encrypted;
pub mod state;
pub mod storage;
pub mod transfer;
pub mod views;

/// Installs the start-up language's words, then mounts the app on the page body.
pub fn start() {
    boot::start();
}
