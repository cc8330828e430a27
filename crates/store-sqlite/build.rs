// `sqlx::migrate!` embeds the migrations at compile time, but cargo does not know the files are
// inputs: without this, a new migration file would not rebuild the crate (sqlx's documented
// advice).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
