//! `cargo run -p kmo-generate`: writes every generated file that is not current, and says
//! which.

fn main() {
    let root = kmo_generate::repo();
    let mut written = Vec::new();
    let mut write = |file: kmo_generate::File| {
        let path = root.join(file.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != file.text {
            std::fs::write(&path, &file.text).unwrap_or_else(|e| panic!("{}: {e}", file.path));
            written.push(file.path);
        }
    };
    for file in kmo_generate::files() {
        write(file);
    }
    // The header last: cbindgen reads the C face's source just written.
    write(kmo_generate::header());
    if written.is_empty() {
        println!("every generated file is current");
    }
    for path in written {
        println!("wrote {path}");
    }
}
