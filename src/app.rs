//! Orchestration: collect inputs → read and decode → analyse → render → exit code.
//! Exit codes: 0 = nothing at or above the fail level, 1 = findings, 2 = usage, input
//! or configuration error.

use crate::cli::{CheckFormat, Cli, ColorChoice, Command, InputArgs, ScoreFormat};
use crate::config::{self, ConfigError};
use crate::input::{self, Format};
use crate::report::{FileReport, analyze};
use crate::rules::RuleSet;
use crate::{explain, render};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// A problem with one input; the others are still checked.
#[derive(Debug)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check(args) => {
            set_color(args.input.color, args.format == CheckFormat::Terminal);
            let (reports, errors) = load(&args.input)?;
            let mut buf = Vec::new();
            match args.format {
                CheckFormat::Terminal => render::terminal::render_check(&mut buf, &reports)?,
                CheckFormat::Json => render::json::render(&mut buf, &reports, false)?,
            }
            out.write_all(&buf)?;
            out.flush()?;
            report_errors(&errors);
            let threshold = args.fail_on.threshold();
            let failing = reports
                .iter()
                .flat_map(|r| &r.findings)
                .any(|f| f.severity >= threshold);
            Ok(if !errors.is_empty() {
                2
            } else if failing {
                1
            } else {
                0
            })
        }
        Command::Score(args) => {
            set_color(args.input.color, args.format == ScoreFormat::Terminal);
            let (reports, errors) = load(&args.input)?;
            let mut buf = Vec::new();
            match args.format {
                ScoreFormat::Terminal => render::terminal::render_score(&mut buf, &reports)?,
                ScoreFormat::Json => render::json::render(&mut buf, &reports, true)?,
            }
            out.write_all(&buf)?;
            out.flush()?;
            report_errors(&errors);
            Ok(if errors.is_empty() { 0 } else { 2 })
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
    }
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

/// The rule set for this run: built-in rules plus the project configuration.
fn rule_set(args: &InputArgs) -> Result<RuleSet, ConfigError> {
    if args.isolated {
        return config::rule_set(None);
    }
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d)),
    };
    match path {
        Some(p) => {
            let cfg = config::load_project(&p)?;
            config::rule_set(Some((&p, &cfg)))
        }
        None => config::rule_set(None),
    }
}

struct Input {
    path: PathBuf,
    display: String,
    format: Format,
}

/// Read, decode and analyse every input, in a deterministic order.
fn load(args: &InputArgs) -> anyhow::Result<(Vec<FileReport>, Vec<InputError>)> {
    let rules = rule_set(args)?;
    let mut errors = Vec::new();
    let mut reports = Vec::new();
    let (inputs, stdin) = collect(args, &mut errors);
    if stdin {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "-".to_owned());
        let format = args
            .input_format
            .or_else(|| Format::from_path(Path::new(&name)))
            .unwrap_or(Format::Text);
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        match read_report(&name, &bytes, format, &rules) {
            Ok(r) => reports.push(r),
            Err(e) => errors.push(e),
        }
    }
    for input in inputs {
        match std::fs::read(&input.path) {
            Ok(bytes) => match read_report(&input.display, &bytes, input.format, &rules) {
                Ok(r) => reports.push(r),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(InputError {
                path: input.display,
                message: io_message(&e),
            }),
        }
    }
    Ok((reports, errors))
}

fn read_report(
    name: &str,
    bytes: &[u8],
    format: Format,
    rules: &RuleSet,
) -> Result<FileReport, InputError> {
    let loaded = input::load(bytes, format).map_err(|message| InputError {
        path: name.to_owned(),
        message,
    })?;
    Ok(analyze(name, loaded, format, rules))
}

pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "bestand of map bestaat niet".to_owned(),
        io::ErrorKind::PermissionDenied => "geen toestemming om te lezen".to_owned(),
        _ => format!("kan niet lezen: {e}"),
    }
}

/// Expand folders (honouring .gitignore) and keep the given order of explicit files.
fn collect(args: &InputArgs, errors: &mut Vec<InputError>) -> (Vec<Input>, bool) {
    let mut inputs = Vec::new();
    let mut stdin = false;
    for p in &args.paths {
        if p.as_os_str() == "-" {
            stdin = true;
            continue;
        }
        let display = p.display().to_string();
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                errors.push(InputError {
                    path: display,
                    message: io_message(&e),
                });
                continue;
            }
        };
        if meta.is_file() {
            let format = args
                .input_format
                .or_else(|| Format::from_path(p))
                .unwrap_or(Format::Text);
            inputs.push(Input {
                path: p.clone(),
                display,
                format,
            });
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(p)
            .add_custom_ignore_filename(".helderignore")
            .build()
        {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    let path = e.into_path();
                    let format = match args.input_format {
                        Some(f) => Some(f),
                        None => Format::from_path(&path),
                    };
                    if let Some(format) = format {
                        found.push(Input {
                            display: path.display().to_string(),
                            path,
                            format,
                        });
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(InputError {
                    path: display.clone(),
                    message: format!("kan map niet doorzoeken: {e}"),
                }),
            }
        }
        found.sort_by(|a, b| a.path.cmp(&b.path));
        inputs.extend(found);
    }
    (inputs, stdin)
}
