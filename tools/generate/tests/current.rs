//! Every generated file is what `cargo run -p kmo-generate` writes: the C enumerations and the
//! header, the TypeScript unions, the calculator's lists, the schemas' enumerations and the
//! generated blocks of the docs. The one test of generated files; it names each stale file and
//! the command that writes it again.

#[test]
fn every_generated_file_is_current() {
    let root = kmo_generate::repo();
    let mut stale = Vec::new();
    for file in kmo_generate::files()
        .into_iter()
        .chain([kmo_generate::header()])
    {
        let current = std::fs::read_to_string(root.join(file.path)).unwrap_or_default();
        if current != file.text {
            let line = current
                .lines()
                .zip(file.text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| current.lines().count().min(file.text.lines().count()));
            stale.push(format!(
                "{}, line {}:\n  written:   {}\n  generated: {}",
                file.path,
                line + 1,
                current.lines().nth(line).unwrap_or(""),
                file.text.lines().nth(line).unwrap_or("")
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are not current; `{}` writes them:\n{}",
        kmo_generate::COMMAND,
        stale.join("\n")
    );
}
