//! Which files to check and with which configuration. A `helder.yaml` (or
//! `.helder.yaml`) applies to its folder and everything below it; the nearest one from a
//! file's folder upward (stopping at the repository root) wins. `--config` forces one
//! file, `--isolated` uses only the built-in rules. Rule sets are built once per
//! configuration file, however many files use it.

use crate::app::{InputError, io_message};
use crate::cli::InputArgs;
use crate::config::schema::ProjectConfig;
use crate::config::{self, ConfigError};
use crate::input::{self, Format, Masker};
use crate::report::FileReport;
use crate::rules::RuleSet;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One configuration, ready to use.
pub struct Setup {
    /// The configuration file, if any.
    pub path: Option<PathBuf>,
    pub config: ProjectConfig,
    pub rules: RuleSet,
    allow: HashSet<String>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    formats: Vec<(GlobSet, Format)>,
    /// The folder globs are relative to.
    base: PathBuf,
    /// Template placeholders: the built-in patterns plus the configured ones.
    masker: Option<Masker>,
}

fn globs(file: &str, patterns: &[String]) -> Result<Option<GlobSet>, ConfigError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| {
            let (line, column) = config::locate(Path::new(file), &[p]);
            ConfigError {
                file: file.to_owned(),
                line,
                column,
                message: format!("ongeldig patroon '{p}': {e}"),
            }
        })?);
    }
    b.build().map(Some).map_err(|e| ConfigError {
        file: file.to_owned(),
        line: None,
        column: None,
        message: e.to_string(),
    })
}

impl Setup {
    /// The built-in rules and inputs, without a configuration file.
    pub fn builtin() -> Setup {
        Setup::new(None).expect("the built-in configuration is valid")
    }

    fn new(path: Option<PathBuf>) -> Result<Setup, ConfigError> {
        let config = match &path {
            Some(p) => config::load_project(p)?,
            None => ProjectConfig::default(),
        };
        let rules = config::rule_set(path.as_deref().map(|p| (p, &config)))?;
        let file = path
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        let mut formats = Vec::new();
        for (glob, format) in &config.formats {
            if let Some(set) = globs(&file, std::slice::from_ref(glob))? {
                formats.push((set, *format));
            }
        }
        let masker = if config.placeholders.is_empty() {
            None
        } else {
            Some(Masker::with_extra(&config.placeholders).map_err(|message| {
                // Point at the first pattern that is wrong on its own.
                let bad = config
                    .placeholders
                    .iter()
                    .find(|p| Masker::with_extra(std::slice::from_ref(p)).is_err())
                    .map_or("placeholders:", String::as_str);
                let (line, column) = config::locate(Path::new(&file), &[bad, "placeholders:"]);
                ConfigError {
                    file: file.clone(),
                    line,
                    column,
                    message,
                }
            })?)
        };
        Ok(Setup {
            masker,
            allow: config
                .allow
                .iter()
                .map(|w| w.trim().to_lowercase())
                .collect(),
            include: globs(&file, &config.include)?,
            exclude: globs(&file, &config.exclude)?,
            formats,
            base: path
                .as_ref()
                .and_then(|p| p.parent())
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            path,
            rules,
            config,
        })
    }

    fn relative<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.base)
            .or_else(|_| path.strip_prefix("./"))
            .unwrap_or(path)
    }

    /// The format for a file: the configuration's globs first, then the extension.
    pub fn format_for(&self, path: &Path) -> Option<Format> {
        let rel = self.relative(path);
        self.formats
            .iter()
            .find(|(set, _)| set.is_match(rel) || path.file_name().is_some_and(|n| set.is_match(n)))
            .map(|(_, f)| *f)
            .or_else(|| Format::from_path(path))
    }

    /// Whether a file found while walking a folder is checked.
    fn wanted(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        let hit =
            |set: &GlobSet| set.is_match(rel) || path.file_name().is_some_and(|n| set.is_match(n));
        self.include.as_ref().is_none_or(hit) && !self.exclude.as_ref().is_some_and(hit)
    }

    /// How to read inputs under this configuration.
    pub fn input_options(&self) -> input::Options<'_> {
        input::Options {
            masker: self.masker.as_ref().unwrap_or_else(|| Masker::builtin()),
            keep_quotes: false,
        }
    }

    /// The largest file to read under this configuration: `--max-file-size`, else
    /// `max_file_size`, else 32 MiB. `None`: no limit.
    pub fn max_file_size(&self, args: &InputArgs) -> Option<u64> {
        args.max_file_size
            .or(self.config.max_file_size)
            .unwrap_or(input::limit::DEFAULT_MAX_FILE_SIZE)
            .limit()
    }

    /// Drop findings on words the project allows.
    pub fn apply_allow_list(&self, report: &mut FileReport) {
        if !self.allow.is_empty() {
            report
                .findings
                .retain(|f| !self.allow.contains(&f.text.trim().to_lowercase()));
        }
    }
}

/// A file to check.
pub struct Job {
    pub path: PathBuf,
    pub display: String,
    pub format: Format,
    pub setup: Arc<Setup>,
    /// Named on the command line (not found by walking a folder): a file that is not
    /// text is then an error, not just a notice.
    pub named: bool,
}

enum Mode {
    Isolated,
    Fixed(PathBuf),
    Discover,
}

pub struct Workspace {
    mode: Mode,
    setups: HashMap<Option<PathBuf>, Arc<Setup>>,
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// Discovered configuration files that could not be loaded (reported once each).
    broken: HashSet<String>,
}

impl Workspace {
    pub fn new(args: &InputArgs) -> Workspace {
        let mode = if args.isolated {
            Mode::Isolated
        } else if let Some(p) = &args.config {
            Mode::Fixed(p.clone())
        } else {
            Mode::Discover
        };
        Workspace {
            mode,
            setups: HashMap::new(),
            found: HashMap::new(),
            broken: HashSet::new(),
        }
    }

    fn setup(&mut self, path: Option<PathBuf>) -> Result<Arc<Setup>, ConfigError> {
        if let Some(s) = self.setups.get(&path) {
            return Ok(s.clone());
        }
        let s = Arc::new(Setup::new(path.clone())?);
        self.setups.insert(path, s.clone());
        Ok(s)
    }

    /// The configuration for files in `dir`.
    pub fn setup_for(&mut self, dir: &Path) -> Result<Arc<Setup>, ConfigError> {
        let path = match &self.mode {
            Mode::Isolated => None,
            Mode::Fixed(p) => Some(p.clone()),
            Mode::Discover => {
                let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
                match self.found.get(&dir) {
                    Some(p) => p.clone(),
                    None => {
                        let p = config::discover(&dir);
                        self.found.insert(dir, p.clone());
                        p
                    }
                }
            }
        };
        self.setup(path)
    }

    /// The configuration for a file in `dir` while collecting. A broken configuration
    /// found by discovery only stops the files under it: it is reported once (as an
    /// input error naming the file, line and column) and those files are skipped. A
    /// broken `--config` stops the run.
    fn setup_or_report(
        &mut self,
        dir: &Path,
        errors: &mut Vec<InputError>,
    ) -> Result<Option<Arc<Setup>>, ConfigError> {
        match self.setup_for(dir) {
            Ok(s) => Ok(Some(s)),
            Err(e) if matches!(self.mode, Mode::Discover) => {
                if self.broken.insert(e.file.clone()) {
                    let mut err = InputError::from_config(&e);
                    err.message
                        .push_str(" (de bestanden onder deze configuratie zijn overgeslagen)");
                    errors.push(err);
                }
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// The configuration of the current folder (standard input, SARIF rule metadata).
    pub fn primary(&mut self) -> Result<Arc<Setup>, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_default();
        self.setup_for(&cwd)
    }

    /// Expand the paths into jobs (folders walked with .gitignore and .helderignore,
    /// sorted), keeping the order of explicitly named files. Returns whether `-` was
    /// given.
    pub fn collect(
        &mut self,
        args: &InputArgs,
        errors: &mut Vec<InputError>,
    ) -> Result<(Vec<Job>, bool), ConfigError> {
        let mut jobs = Vec::new();
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
                    let broken_link = e.kind() == std::io::ErrorKind::NotFound
                        && std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
                    errors.push(InputError::new(
                        display,
                        if broken_link {
                            BROKEN_LINK.to_owned()
                        } else {
                            io_message(&e)
                        },
                    ));
                    continue;
                }
            };
            if !meta.is_dir() {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let Some(setup) = self.setup_or_report(dir, errors)? else {
                    continue;
                };
                let format = args
                    .input_format
                    .or_else(|| setup.format_for(p))
                    .unwrap_or(Format::Text);
                jobs.push(Job {
                    path: p.clone(),
                    display,
                    format,
                    setup,
                    named: true,
                });
                continue;
            }
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(p)
                .add_custom_ignore_filename(".helderignore")
                .build()
            {
                let e = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        errors.push(walk_error(&e, &display));
                        continue;
                    }
                };
                let Some(kind) = e.file_type() else {
                    continue;
                };
                // Links inside folders are not followed (as git and ripgrep do); a
                // broken one that looks like a letter gets a notice.
                let link = kind.is_symlink();
                if !kind.is_file() && !link {
                    continue;
                }
                let path = e.into_path();
                let dir = path.parent().unwrap_or(Path::new("."));
                let Some(setup) = self.setup_or_report(dir, errors)? else {
                    continue;
                };
                if !setup.wanted(&path) {
                    continue;
                }
                let Some(format) = args.input_format.or_else(|| setup.format_for(&path)) else {
                    continue;
                };
                if link {
                    if std::fs::metadata(&path).is_err() {
                        errors.push(InputError::notice(
                            path.display().to_string(),
                            format!("overgeslagen: {BROKEN_LINK}"),
                        ));
                    }
                    continue;
                }
                found.push(Job {
                    display: path.display().to_string(),
                    path,
                    format,
                    setup,
                    named: false,
                });
            }
            found.sort_by(|a, b| a.path.cmp(&b.path));
            jobs.extend(found);
        }
        Ok((jobs, stdin))
    }
}

/// A symbolic link whose target does not exist.
const BROKEN_LINK: &str = "symbolische koppeling naar een bestand dat niet bestaat";

/// A folder (or entry) the walk could not read, in Dutch, naming the deepest path the
/// error knows.
fn walk_error(e: &ignore::Error, root: &str) -> InputError {
    fn path_of(e: &ignore::Error) -> Option<&Path> {
        match e {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            _ => None,
        }
    }
    let path = path_of(e).map_or_else(|| root.to_owned(), |p| p.display().to_string());
    let message = match e.io_error().map(std::io::Error::kind) {
        Some(std::io::ErrorKind::PermissionDenied) => {
            "geen toestemming om deze map te lezen; de bestanden erin zijn niet gecontroleerd"
                .to_owned()
        }
        Some(std::io::ErrorKind::NotFound) => "bestand of map bestaat niet (meer)".to_owned(),
        _ => format!("kan map niet doorzoeken: {e}"),
    };
    InputError::new(path, message)
}
