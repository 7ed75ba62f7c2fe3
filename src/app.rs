//! Orchestration: collect inputs → read and decode → analyse (in parallel) → render →
//! exit code. Exit codes: 0 = nothing at or above the fail level, 1 = findings, 2 =
//! usage, input or configuration error (the other files are still checked).

use crate::cli::{
    CheckArgs, CheckFormat, Cli, ColorChoice, Command, FixArgs, InputArgs, ScoreFormat,
};
use crate::config;
use crate::input::{self, Format};
use crate::report::{FileReport, Options, PART_SIZE, analyze_in_parts, analyze_with};
use crate::workspace::{Job, Setup, Workspace};
use crate::{baseline, explain, fix, render};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

/// A problem with one input; the others are still checked. Every problem makes the
/// exit code 2, except a *notice*: something that is certainly not a letter was skipped
/// while walking a folder (a binary file, a broken link). See docs/errors.md.
#[derive(Debug)]
pub struct InputError {
    pub path: String,
    pub message: String,
    /// Only a notice: printed, but the run still did its job.
    pub notice: bool,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            path: path.into(),
            message: message.into(),
            notice: false,
        }
    }

    pub fn notice(path: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            notice: true,
            ..InputError::new(path, message)
        }
    }

    /// A configuration problem, named by file, line and column.
    pub fn from_config(e: &config::ConfigError) -> InputError {
        let mut path = e.file.clone();
        if let Some(l) = e.line {
            path.push_str(&format!(":{l}"));
            if let Some(c) = e.column {
                path.push_str(&format!(":{c}"));
            }
        }
        InputError::new(path, e.message.clone())
    }
}

/// Whether the run could not do its whole job: any problem other than a notice.
fn failed(errors: &[InputError]) -> bool {
    errors.iter().any(|e| !e.notice)
}

pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check(args) => run_check(&args, &mut out),
        Command::Fix(args) => run_fix(&args, &mut out),
        Command::Score(args) => {
            set_color(args.input.color, args.format == ScoreFormat::Terminal);
            let mut ws = Workspace::new(&args.input);
            // Only the JSON lists every sentence and paragraph.
            let options = Options {
                score: true,
                sentences: args.format == ScoreFormat::Json,
            };
            let mut json = match args.format {
                ScoreFormat::Json => Some(render::json::JsonWriter::begin(&mut out, true)?),
                ScoreFormat::Terminal => None,
            };
            // Streamed file by file (and part by part), as `check` does.
            let errors = each_report(&args.input, &mut ws, false, options, true, &mut |r| {
                let mut buf = Vec::new();
                match &mut json {
                    Some(j) => j.add(&mut buf, &r)?,
                    None => render::terminal::render_score(&mut buf, std::slice::from_ref(&r))?,
                }
                out.write_all(&buf)
            })?;
            if let Some(j) = json {
                j.finish(&mut out)?;
            }
            out.flush()?;
            report_errors(&errors);
            keep_until_exit(ws);
            Ok(if failed(&errors) { 2 } else { 0 })
        }
        Command::Explain { rule } => {
            let rules = config::rule_set(None)?;
            match rules.get(&rule) {
                Some(r) => {
                    write!(out, "{}", explain::explain(r))?;
                    Ok(0)
                }
                None => {
                    let known: Vec<&str> = rules.rules().map(|r| r.meta().id).collect();
                    let guess = known
                        .iter()
                        .min_by_key(|k| config::edit_distance(k, &rule))
                        .filter(|k| config::edit_distance(k, &rule) <= 3);
                    let hint = guess
                        .map(|g| format!(" Bedoelde u '{g}'?"))
                        .unwrap_or_default();
                    eprintln!(
                        "helder: onbekende regel '{rule}'.{hint} Zie `helder rules` voor alle regels."
                    );
                    Ok(2)
                }
            }
        }
        Command::Rules { markdown } => {
            let rules = config::rule_set(None)?;
            if markdown {
                write!(out, "{}", explain::markdown(&rules))?;
            } else {
                write!(out, "{}", explain::list(&rules))?;
            }
            Ok(0)
        }
        Command::Init { force } => {
            let path = Path::new("helder.yaml");
            if path.exists() && !force {
                eprintln!(
                    "helder: helder.yaml bestaat al; gebruik --force om hem te overschrijven."
                );
                return Ok(2);
            }
            std::fs::write(path, config::STARTER)?;
            eprintln!("helder: helder.yaml geschreven. Pas hem aan en draai `helder check`.");
            Ok(0)
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "helder", &mut out);
            Ok(0)
        }
    }
}

/// Files analysed at once: parallel within a batch, rendered in order after it, so
/// memory stays bounded however large the folder is.
const BATCH: usize = 256;

fn run_check(args: &CheckArgs, out: &mut dyn Write) -> anyhow::Result<i32> {
    set_color(args.input.color, args.format == CheckFormat::Terminal);
    let mut ws = Workspace::new(&args.input);
    let mut matcher = match &args.baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow::anyhow!(
                    "{}: baseline niet te lezen: {}",
                    path.display(),
                    io_message(&e)
                )
            })?;
            let b: baseline::Baseline = serde_json::from_str(&text)
                .map_err(|e| anyhow::anyhow!("{}: geen geldige baseline: {e}", path.display()))?;
            Some(baseline::Matcher::new(b))
        }
        None => None,
    };
    let options = Options {
        score: matches!(
            args.format,
            CheckFormat::Terminal | CheckFormat::Json | CheckFormat::Html
        ),
        // Baselines match findings by the sentence around them; the report tints them.
        sentences: args.write_baseline.is_some()
            || args.baseline.is_some()
            || args.format == CheckFormat::Html,
    };
    let threshold = args.fail_on.threshold();
    let mut summary = render::Summary::default();
    let mut failing = false;
    let mut recorded = Vec::new();
    let mut json = None;
    let mut sarif = None;
    let mut html = None;
    if args.write_baseline.is_none() {
        match args.format {
            CheckFormat::Html => html = Some(render::html::HtmlWriter::begin(out)?),
            CheckFormat::Json => json = Some(render::json::JsonWriter::begin(out, false)?),
            CheckFormat::Sarif => {
                let rules = &ws.primary()?.rules;
                sarif = Some(render::sarif::SarifWriter::begin(out, rules)?);
            }
            _ => {}
        }
    }
    let errors = each_report(
        &args.input,
        &mut ws,
        args.format == CheckFormat::Terminal,
        options,
        // The HTML report shows each file's text whole, with its score on top.
        args.format != CheckFormat::Html,
        &mut |mut r: FileReport| -> io::Result<()> {
            if args.write_baseline.is_some() {
                recorded.extend(baseline::record(&r));
                return Ok(());
            }
            if let Some(m) = &mut matcher {
                m.filter(&mut r);
            }
            summary.add(&r);
            failing |= r.findings.iter().any(|f| f.severity >= threshold);
            let mut buf = Vec::new();
            match args.format {
                CheckFormat::Terminal => render::terminal::render_file(&mut buf, &r)?,
                CheckFormat::Compact => render::compact::render_into(&mut buf, &r),
                CheckFormat::Github => render::github::render_into(&mut buf, &r),
                CheckFormat::Json => json.as_mut().expect("begun").add(&mut buf, &r)?,
                CheckFormat::Sarif => sarif.as_mut().expect("begun").add(&mut buf, &r)?,
                CheckFormat::Html => html.as_mut().expect("begun").add(&mut buf, &r)?,
            }
            out.write_all(&buf)
        },
    )?;
    if let Some(path) = &args.write_baseline {
        let b = baseline::Baseline {
            version: 1,
            findings: recorded,
        };
        std::fs::write(path, serde_json::to_string_pretty(&b)? + "\n")?;
        eprintln!(
            "helder: {} vastgelegd in {}.",
            render::plural(b.findings.len(), "bevinding", "bevindingen"),
            path.display()
        );
        report_errors(&errors);
        return Ok(if failed(&errors) { 2 } else { 0 });
    }
    match args.format {
        CheckFormat::Terminal => render::terminal::render_summary(out, &summary)?,
        CheckFormat::Json => json.expect("begun").finish(out)?,
        CheckFormat::Sarif => sarif.expect("begun").finish(out)?,
        CheckFormat::Html => html.expect("begun").finish(out)?,
        CheckFormat::Compact | CheckFormat::Github => {}
    }
    out.flush()?;
    report_errors(&errors);
    keep_until_exit(ws);
    Ok(if failed(&errors) {
        2
    } else if failing {
        1
    } else {
        0
    })
}

/// The process ends right after a command: freeing the rule tables (thousands of small
/// allocations) would cost more than checking a letter, so the operating system takes
/// them back instead.
fn keep_until_exit(ws: Workspace) {
    std::mem::forget(ws);
}

/// Standard input's name and format.
fn stdin_job(args: &InputArgs, setup: &Setup) -> (String, Format) {
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "-".to_owned());
    let format = args
        .input_format
        .or_else(|| setup.format_for(Path::new(&name)))
        .unwrap_or(Format::Text);
    (name, format)
}

/// Files larger than this are checked on their own, after the other files of their
/// batch, in parts (see [`analyze_in_parts`]): one at a time, so memory stays bounded.
const LARGE_FILE: u64 = 2 * PART_SIZE as u64;

/// Check every input, standard input first, then the files in order, handing each
/// report to `sink` as soon as its batch is done. Files in a batch are analysed in
/// parallel; the order of the reports is always the input order. With `parts`, a very
/// large file is checked in parts and gives one report per part.
fn each_report(
    args: &InputArgs,
    ws: &mut Workspace,
    progress: bool,
    options: Options,
    parts: bool,
    sink: &mut dyn FnMut(FileReport) -> io::Result<()>,
) -> anyhow::Result<Vec<InputError>> {
    let mut errors = Vec::new();
    let (jobs, stdin) = ws.collect(args, &mut errors)?;
    let part_size = if parts { PART_SIZE } else { usize::MAX };
    if stdin {
        let setup = ws.primary()?;
        let (name, format) = stdin_job(args, &setup);
        match read_stdin(&name, setup.max_file_size(args))? {
            Ok(bytes) => {
                let checked =
                    check_in_parts(&name, bytes, format, &setup, options, part_size, sink)?;
                if let Err((e, _)) = checked {
                    errors.push(e);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let bar = progress_bar(jobs.len(), progress);
    // A batch's files, analysed in parallel; `None` for a large file, checked in parts
    // when its report is due.
    let analyse = |batch: &[Job]| -> Vec<Option<Result<FileReport, InputError>>> {
        batch
            .par_iter()
            .map(|job| {
                if parts && is_large(job) {
                    return None;
                }
                let r = read_job(job, args).and_then(|bytes| {
                    read_report(&job.display, &bytes, job.format, &job.setup, options)
                        .map_err(|e| skip_if_not_text(e, job, input::is_binary(&bytes, job.format)))
                });
                if let Some(b) = &bar {
                    b.inc(1);
                }
                Some(r)
            })
            .collect()
    };
    let mut emit =
        |batch: &[Job], results: Vec<Option<Result<FileReport, InputError>>>| -> io::Result<()> {
            for (job, r) in batch.iter().zip(results) {
                match r {
                    Some(Ok(r)) => sink(r)?,
                    Some(Err(e)) => errors.push(e),
                    None => {
                        let checked = match read_job(job, args) {
                            Ok(bytes) => {
                                let (name, setup) = (&job.display, &job.setup);
                                check_in_parts(
                                    name, bytes, job.format, setup, options, part_size, sink,
                                )?
                            }
                            Err(e) => Err((e, false)),
                        };
                        if let Err((e, binary)) = checked {
                            errors.push(skip_if_not_text(e, job, binary));
                        }
                        if let Some(b) = &bar {
                            b.inc(1);
                        }
                    }
                }
            }
            Ok(())
        };
    if rayon::current_num_threads() > 1 && jobs.len() > BATCH {
        // With more than one thread, the next batch is analysed while this one's reports
        // are written (and freed) here: no thread waits for the output.
        std::thread::scope(|s| -> io::Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            let jobs = &jobs;
            let analyse = &analyse;
            s.spawn(move || {
                for batch in jobs.chunks(BATCH) {
                    // The receiver is gone when writing failed: stop.
                    if tx.send(analyse(batch)).is_err() {
                        break;
                    }
                }
            });
            for (batch, results) in jobs.chunks(BATCH).zip(rx) {
                emit(batch, results)?;
            }
            Ok(())
        })?;
    } else {
        for batch in jobs.chunks(BATCH) {
            emit(batch, analyse(batch))?;
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(errors)
}

/// A file's bytes, within the size limit of its configuration.
fn read_job(job: &Job, args: &InputArgs) -> Result<Vec<u8>, InputError> {
    input::limit::read_file(&job.path, job.setup.max_file_size(args)).map_err(|e| match e {
        input::limit::ReadError::Io(e) => InputError::new(&job.display, io_message(&e)),
        input::limit::ReadError::TooLarge(m) => InputError::new(&job.display, m),
    })
}

/// Standard input within the size limit. The outer error is a failure to read at all.
fn read_stdin(name: &str, limit: Option<u64>) -> io::Result<Result<Vec<u8>, InputError>> {
    match input::limit::read_stream(io::stdin().lock(), limit) {
        Ok(bytes) => Ok(Ok(bytes)),
        Err(input::limit::ReadError::Io(e)) => Err(e),
        Err(input::limit::ReadError::TooLarge(m)) => Ok(Err(InputError::new(name, m))),
    }
}

/// Whether a file is large enough to be checked in parts. A file whose size cannot be
/// read is not: reading it reports the problem.
fn is_large(job: &Job) -> bool {
    std::fs::metadata(&job.path).is_ok_and(|m| m.len() > LARGE_FILE)
}

/// A file found by walking a folder that turns out not to be text (a binary file with a
/// letter's extension) is skipped with a notice: it is certainly not a letter, so the
/// run still did its job. Named on the command line, it stays an error.
fn skip_if_not_text(mut e: InputError, job: &Job, binary: bool) -> InputError {
    if !job.named && binary {
        e.notice = true;
    }
    e
}

/// A progress bar on stderr for large folders, only for a person at a terminal: never
/// in CI logs or pre-commit output.
fn progress_bar(len: usize, wanted: bool) -> Option<indicatif::ProgressBar> {
    let interactive = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !wanted || !interactive || len < 50 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} bestanden ({eta} over)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

/// `helder fix`: apply safe rewrites in place (or print a diff, or fix standard input to
/// standard output). Files that cannot be fixed get a Dutch error; the others are fixed.
fn run_fix(args: &FixArgs, out: &mut dyn Write) -> anyhow::Result<i32> {
    set_color(args.input.color, true);
    let mut ws = Workspace::new(&args.input);
    let mut errors = Vec::new();
    let (jobs, stdin) = ws.collect(&args.input, &mut errors)?;
    let mut changed_files = 0;
    let mut edits = 0;
    if stdin {
        let setup = ws.primary()?;
        let (name, format) = stdin_job(&args.input, &setup);
        let bytes = match read_stdin(&name, setup.max_file_size(&args.input))? {
            Ok(b) => b,
            Err(e) => {
                report_errors(&[e]);
                return Ok(2);
            }
        };
        match fix::fix_bytes(&bytes, format, &setup, args.unsafe_too) {
            Ok(Some(f)) if args.diff => {
                changed_files += 1;
                write!(
                    out,
                    "{}",
                    fix::unified_diff(&name, &f.old_text, &f.new_text)
                )?;
            }
            Ok(Some(f)) => {
                edits += f.edits;
                out.write_all(&f.new_bytes)?;
            }
            Ok(None) if !args.diff => out.write_all(&bytes)?,
            Ok(None) => {}
            Err(message) => errors.push(InputError::new(name, message)),
        }
    }
    for job in jobs {
        let bytes = match read_job(&job, &args.input) {
            Ok(b) => b,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let fixed = match fix::fix_bytes(&bytes, job.format, &job.setup, args.unsafe_too) {
            Ok(Some(f)) => f,
            Ok(None) => continue,
            Err(message) => {
                let binary = input::is_binary(&bytes, job.format);
                errors.push(skip_if_not_text(
                    InputError::new(&job.display, message),
                    &job,
                    binary,
                ));
                continue;
            }
        };
        let Job { path, display, .. } = job;
        if args.diff {
            changed_files += 1;
            edits += fixed.edits;
            write!(
                out,
                "{}",
                fix::unified_diff(&display, &fixed.old_text, &fixed.new_text)
            )?;
            continue;
        }
        match fix::write_atomic(&path, &bytes, &fixed.new_bytes) {
            Ok(()) => {
                changed_files += 1;
                edits += fixed.edits;
                eprintln!(
                    "helder: {}: {} toegepast",
                    display,
                    render::plural(fixed.edits, "herschrijving", "herschrijvingen")
                );
            }
            Err(message) => errors.push(InputError::new(display, message)),
        }
    }
    out.flush()?;
    report_errors(&errors);
    if !args.diff && !stdin {
        eprintln!(
            "helder: {} in {}.",
            render::plural(edits, "herschrijving", "herschrijvingen"),
            render::plural(changed_files, "bestand", "bestanden")
        );
    }
    Ok(if failed(&errors) {
        2
    } else if args.diff && changed_files > 0 {
        1
    } else {
        0
    })
}

fn set_color(choice: ColorChoice, terminal_format: bool) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal_format
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    colored::control::set_override(on);
}

fn report_errors(errors: &[InputError]) {
    for e in errors {
        eprintln!("helder: {}: {}", e.path, e.message);
    }
}

/// Load and check one file, handing its report (one per part) to `sink`. The outer
/// error is the sink's; the inner one the file's, with whether it is binary.
fn check_in_parts(
    name: &str,
    bytes: Vec<u8>,
    format: Format,
    setup: &Arc<Setup>,
    options: Options,
    part_size: usize,
    sink: &mut dyn FnMut(FileReport) -> io::Result<()>,
) -> io::Result<Result<(), (InputError, bool)>> {
    let loaded = match input::load_owned(bytes, format, &setup.input_options()) {
        Ok(l) => l,
        Err((message, binary)) => return Ok(Err((InputError::new(name, message), binary))),
    };
    analyze_in_parts(
        name,
        loaded,
        format,
        &setup.rules,
        options,
        part_size,
        &mut |mut r| {
            setup.apply_allow_list(&mut r);
            sink(r)
        },
    )?;
    Ok(Ok(()))
}

fn read_report(
    name: &str,
    bytes: &[u8],
    format: Format,
    setup: &Arc<Setup>,
    options: Options,
) -> Result<FileReport, InputError> {
    let loaded = input::load_with(bytes, format, &setup.input_options())
        .map_err(|message| InputError::new(name, message))?;
    let mut report = analyze_with(name, loaded, format, &setup.rules, options);
    setup.apply_allow_list(&mut report);
    Ok(report)
}

pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "bestand of map bestaat niet".to_owned(),
        io::ErrorKind::PermissionDenied => "geen toestemming om te lezen".to_owned(),
        _ => format!("kan niet lezen: {e}"),
    }
}
