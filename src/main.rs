use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match helder::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match helder::app::run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            // A closed pipe (`helder check | head`) is not an error.
            if let Some(io) = e.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("helder: {e:#}");
            ExitCode::from(2)
        }
    }
}
