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
        b.add(Glob::new(p).map_err(|e| ConfigError {
            file: file.to_owned(),
            line: None,
            column: None,
            message: format!("ongeldig patroon '{p}': {e}"),
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
            Some(
                Masker::with_extra(&config.placeholders).map_err(|message| ConfigError {
                    file: file.clone(),
                    line: None,
                    column: None,
                    message,
                })?,
            )
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
                    errors.push(InputError {
                        path: display,
                        message: io_message(&e),
                    });
                    continue;
                }
            };
            if meta.is_file() {
                let setup = self.setup_for(
                    p.parent()
                        .filter(|d| !d.as_os_str().is_empty())
                        .unwrap_or(Path::new(".")),
                )?;
                let format = args
                    .input_format
                    .or_else(|| setup.format_for(p))
                    .unwrap_or(Format::Text);
                jobs.push(Job {
                    path: p.clone(),
                    display,
                    format,
                    setup,
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
                        let dir = path.parent().unwrap_or(Path::new("."));
                        let setup = self.setup_for(dir)?;
                        if !setup.wanted(&path) {
                            continue;
                        }
                        let format = args.input_format.or_else(|| setup.format_for(&path));
                        if let Some(format) = format {
                            found.push(Job {
                                display: path.display().to_string(),
                                path,
                                format,
                                setup,
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
            jobs.extend(found);
        }
        Ok((jobs, stdin))
    }
}
