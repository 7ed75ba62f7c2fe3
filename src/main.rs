use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    tune_allocator();
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

/// glibc returns freed memory at the top of its heap to the system once more than
/// 128 KiB is free, and gives blocks above a threshold their own mapping; both adapt as
/// a run goes. A large file is checked in parts of ±512 KiB, each of which allocates and
/// frees a few megabytes: the heap then shrinks and grows again part after part, and
/// every page it grows by is a page fault (44,000 for a 52 MB file, against 19,400 with
/// fixed thresholds). Fixed thresholds keep that memory in the heap: blocks up to 4 MiB
/// come from it, and it shrinks only above 8 MiB free. Higher ones (32 and 64 MiB) saved
/// no more faults and let a 20 MB Markdown file on two threads keep 116 MB instead of
/// 93 MB (docs/performance.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn tune_allocator() {
    // SAFETY: mallopt only sets allocator parameters; it is called before any thread
    // starts. A rejected value leaves glibc's default, which is also correct.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 8 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
