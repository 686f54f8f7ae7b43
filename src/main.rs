//! Mounts the sovcheck app on the page body.
fn main() {
    sovcheck_web::start();
}
