//! The sovcheck web app (Yew, client-side rendered). `state` holds the reducer and the
//! store, `platform` the browser edges (storage, downloads, import, encryption, clock,
//! print), `boot` the start-up and the loading of a language's words, `views` one module per
//! screen, `components` the pieces they share, `warmup` the walk's screens built once off
//! the page. Every rule and figure comes from `sovcheck-core`, every word from
//! `sovcheck-text`.

pub mod app;
pub mod boot;
pub mod components;
pub mod platform;
pub mod router;
pub mod saving;
pub mod state;
pub mod views;
pub mod warmup;

/// Installs the start-up language's words, then mounts the app on the page body.
pub fn start() {
    boot::start();
}
