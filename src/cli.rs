//! Command-line interface (clap derive). Help texts are Dutch: the users are Dutch writers.

use crate::finding::Severity;
use crate::input::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "helder",
    version,
    about = "Controleert Nederlandse brieven en e-mails op taalniveau B1 en zegt per zin wat u kunt herschrijven.",
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Controleer teksten en toon de bevindingen.
    #[command(visible_alias = "controleer")]
    Check(CheckArgs),
    /// Pas de veilige herschrijvingen toe in de bestanden zelf.
    #[command(visible_alias = "herstel")]
    Fix(FixArgs),
    /// Toon leesbaarheidscijfers en een B1-indicatie per tekst.
    Score(ScoreArgs),
    /// Leg een regel uit, met voorbeelden.
    #[command(visible_alias = "uitleg")]
    Explain {
        /// De id van de regel, bijvoorbeeld lange-zin.
        rule: String,
    },
    /// Toon alle regels.
    #[command(visible_alias = "regels")]
    Rules {
        /// Schrijf de regels als Markdown (voor docs/regels.md).
        #[arg(long)]
        markdown: bool,
    },
    /// Schrijf een helder.yaml met uitleg in de huidige map.
    Init {
        /// Overschrijf een bestaande helder.yaml.
        #[arg(long)]
        force: bool,
    },
    /// Schrijf aanvulscripts voor uw shell naar standaarduitvoer.
    Completions {
        /// bash, zsh, fish, powershell of elvish.
        shell: clap_complete::Shell,
    },
}

#[derive(Args, Debug)]
pub struct InputArgs {
    /// Bestanden of mappen (mappen worden doorzocht; .gitignore telt mee). `-` leest standaardinvoer.
    #[arg(value_name = "PAD", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Lees alle bestanden als dit formaat, ongeacht de extensie.
    #[arg(long, value_enum, value_name = "FORMAAT")]
    pub input_format: Option<Format>,
    /// De naam waaronder standaardinvoer wordt gemeld (bepaalt ook het formaat).
    #[arg(long, value_name = "NAAM")]
    pub stdin_filename: Option<String>,
    /// Gebruik dit configuratiebestand in plaats van helder.yaml te zoeken.
    #[arg(long, value_name = "BESTAND")]
    pub config: Option<PathBuf>,
    /// Negeer configuratiebestanden; gebruik alleen de ingebouwde regels.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// Sla bestanden over die groter zijn dan dit (standaard 32M; 0 is geen grens),
    /// bijvoorbeeld 64M of 512K. Gaat voor max_file_size in helder.yaml.
    #[arg(long, value_name = "GROOTTE")]
    pub max_file_size: Option<crate::input::limit::ByteSize>,
    /// Kleur: auto (alleen op een terminal), always of never. NO_COLOR wordt gerespecteerd.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WANNEER")]
    pub color: ColorChoice,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Uitvoerformaat.
    #[arg(long, value_enum, default_value_t = CheckFormat::Terminal, value_name = "FORMAAT")]
    pub format: CheckFormat,
    /// Vanaf welk niveau een bevinding exitcode 1 geeft.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "NIVEAU")]
    pub fail_on: FailOn,
    /// Meld alleen bevindingen die niet in deze baseline staan.
    #[arg(long, value_name = "BESTAND")]
    pub baseline: Option<PathBuf>,
    /// Leg de huidige bevindingen vast in dit bestand (exitcode 0).
    #[arg(long, value_name = "BESTAND", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Uitvoerformaat; json geeft ook elke zin met plaats en aantal woorden.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Terminal, value_name = "FORMAAT")]
    pub format: ScoreFormat,
}

#[derive(Args, Debug)]
pub struct FixArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Toon de wijzigingen als diff en schrijf niets (exitcode 1 als er iets te wijzigen is).
    #[arg(long)]
    pub diff: bool,
    /// Pas ook de voorstellen toe die niet zeker veilig zijn (controleer het resultaat!).
    #[arg(long = "unsafe")]
    pub unsafe_too: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Voor mensen: fragment, onderstreping en herschrijving.
    Terminal,
    /// `pad:regel:kolom: niveau [regel] melding`, één regel per bevinding.
    Compact,
    /// Alle gegevens, zie docs/json.md.
    Json,
    /// SARIF 2.1.0 voor code scanning.
    Sarif,
    /// Annotaties voor GitHub Actions.
    Github,
    /// Eén zelfstandige HTML-pagina: de tekst met per zin het niveau en de bevindingen.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Terminal,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn threshold(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_definition_is_valid() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
