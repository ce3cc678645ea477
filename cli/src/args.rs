//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Karvon — offline customs companion.
#[derive(Debug, Parser)]
#[command(name = "karvon", version)]
pub struct Cli {
    /// Language of the output: en, uz, ru (default: $KARVON_LANG, then $LANG, then en).
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// Load a rules pack file (replaces the embedded pack of its jurisdiction); repeatable.
    #[arg(long = "pack", global = true)]
    pub packs: Vec<PathBuf>,
    /// Data folder (default: $KARVON_DATA, then the platform's data folder).
    #[arg(long, global = true)]
    pub data: Option<PathBuf>,
    /// Key file protecting personal identifiers (default: $KARVON_KEY_FILE, then `key` in the
    /// platform's config folder; created on first use).
    #[arg(long, global = true)]
    pub key_file: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess a trip file: do I have to declare, and what will I pay?
    Assess {
        /// The trip file (JSON).
        file: PathBuf,
        /// Print the JSON document instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// List the rules packs.
    Packs {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Travellers: add, list, edit, delete.
    #[command(subcommand)]
    Traveller(TravellerCmd),
    /// Parties (families, groups): add, list, delete.
    #[command(subcommand)]
    Party(PartyCmd),
    /// Trips: new, list, show, edit, delete, export.
    #[command(subcommand)]
    Trip(TripCmd),
    /// Log a purchase on a trip.
    Buy(BuyArgs),
    /// What would a purchase change? Nothing is saved.
    WhatIf(BuyArgs),
    /// Purchases: list, delete, attach a receipt.
    #[command(subcommand)]
    Purchase(PurchaseCmd),
    /// Where a trip stands: allowances, projected duty and tax, channel, plan, alerts.
    Status {
        /// Trip id (or a unique prefix of at least 4 characters).
        trip: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Alerts of a trip, or acknowledge one.
    Alerts {
        /// Trip id.
        trip: String,
        /// Include acknowledged alerts.
        #[arg(long)]
        all: bool,
        /// Acknowledge this alert id.
        #[arg(long)]
        ack: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Bring back the last deleted record.
    Undo,
    /// Make the passenger declaration of a trip (a draft; --sign signs it).
    Declare {
        /// Trip id (or a unique prefix).
        trip: String,
        /// Sign it right away.
        #[arg(long)]
        sign: bool,
    },
    /// Make a CN 22 postal customs declaration from a JSON file.
    Cn22(crate::docs::PostalArgs),
    /// Make a CN 23 postal customs declaration from a JSON file.
    Cn23(crate::docs::PostalArgs),
    /// Trader declarations: import invoice lines from CSV, templates.
    #[command(subcommand)]
    Trade(crate::trade::TradeCmd),
    /// Declarations: list, show, file, amend, delete.
    #[command(subcommand)]
    Doc(crate::docs::DocCmd),
    /// Sign a draft declaration with this device's key.
    Sign {
        /// Document id.
        id: String,
    },
    /// Check a declaration's QR payload (text, a file holding it, or a PNG of the QR code).
    Verify {
        /// The payload, or a file (.png image or text).
        what: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export a declaration: PDF, QR code image, QR payload, JSON.
    Export(crate::docs::ExportArgs),
    /// Payment drafts: make, list, export.
    #[command(subcommand)]
    Pay(crate::docs::PayCmd),
    /// Exchange rates: import a feed file, add a manual rate, list tables.
    #[command(subcommand)]
    Rates(RatesCmd),
    /// HS 2022 nomenclature: import, search, show.
    #[command(subcommand)]
    Hs(HsCmd),
    /// Sync with a Karvon server; --status shows pending changes, last sync and problems.
    Sync(crate::sync::SyncArgs),
    /// Where each rules pack, rate table and HS set in force came from; trusted publisher keys.
    Sources(crate::dist::SourcesArgs),
    /// Install the newer signed packs, rate tables and HS set the sync server publishes.
    Update(crate::dist::UpdateArgs),
    /// Back up all data (with receipts) to one file sealed by a passphrase; --inspect shows
    /// what a backup holds.
    Backup(crate::backup::BackupArgs),
    /// Replace all data on this device with a backup (asks first unless --yes).
    Restore(crate::backup::RestoreArgs),
}

/// Traveller commands.
#[derive(Debug, Subcommand)]
pub enum TravellerCmd {
    /// Add a traveller.
    Add(TravellerArgs),
    /// List travellers.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a traveller.
    Edit {
        /// Traveller id.
        id: String,
        /// The fields to change.
        #[command(flatten)]
        fields: TravellerArgs,
    },
    /// Delete a traveller (undo brings them back).
    Delete {
        /// Traveller id.
        id: String,
    },
}

/// Traveller fields.
#[derive(Debug, Args)]
pub struct TravellerArgs {
    /// Name as on the travel document.
    #[arg(long)]
    pub name: Option<String>,
    /// Date of birth, YYYY-MM-DD.
    #[arg(long)]
    pub born: Option<String>,
    /// Country of residence, ISO 3166 alpha-2 (e.g. UZ, FI).
    #[arg(long)]
    pub residency: Option<String>,
    /// Passport or ID number (stored encrypted).
    #[arg(long)]
    pub document: Option<String>,
    /// A status such as crew or long_term_pass; repeatable.
    #[arg(long = "status")]
    pub statuses: Vec<String>,
}

/// Party commands.
#[derive(Debug, Subcommand)]
pub enum PartyCmd {
    /// Add a party of travellers.
    Add {
        /// Its name.
        #[arg(long)]
        name: String,
        /// Member traveller id; repeatable.
        #[arg(long = "traveller")]
        travellers: Vec<String>,
    },
    /// List parties.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete a party (its travellers stay).
    Delete {
        /// Party id.
        id: String,
    },
}

/// Trip commands.
#[derive(Debug, Subcommand)]
pub enum TripCmd {
    /// Create a trip.
    New(TripArgs),
    /// List trips.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a trip and its purchases.
    Show {
        /// Trip id.
        trip: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a trip.
    Edit {
        /// Trip id.
        trip: String,
        /// The fields to change.
        #[command(flatten)]
        fields: TripArgs,
        /// Remove the spending plan.
        #[arg(long)]
        no_plan: bool,
    },
    /// Delete a trip (undo brings it back).
    Delete {
        /// Trip id.
        trip: String,
    },
    /// Write the trip file that `karvon assess` reads.
    Export {
        /// Trip id.
        trip: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Trip fields.
#[derive(Debug, Args)]
pub struct TripArgs {
    /// A name for the trip.
    #[arg(long)]
    pub name: Option<String>,
    /// Destination jurisdiction (rules pack id, e.g. UZ, FI).
    #[arg(long = "to")]
    pub jurisdiction: Option<String>,
    /// Arrival date, YYYY-MM-DD.
    #[arg(long)]
    pub arrive: Option<String>,
    /// Mode: air, sea, rail, river, road, private_air, private_sea.
    #[arg(long)]
    pub mode: Option<String>,
    /// Whole days abroad.
    #[arg(long)]
    pub days: Option<String>,
    /// Traveller id; repeatable.
    #[arg(long = "traveller")]
    pub travellers: Vec<String>,
    /// Every member of this party travels; repeatable.
    #[arg(long = "party")]
    pub parties: Vec<String>,
    /// Spending plan amount.
    #[arg(long)]
    pub plan: Option<String>,
    /// Spending plan currency.
    #[arg(long)]
    pub plan_currency: Option<String>,
    /// Ask to pool the household's allowances on one declaration (yes/no).
    #[arg(long)]
    pub joint: Option<String>,
}

/// A purchase, as `buy` and `what-if` take it.
#[derive(Debug, Args)]
pub struct BuyArgs {
    /// Trip id.
    pub trip: String,
    /// What it is.
    #[arg(long = "what")]
    pub description: String,
    /// Kind: goods, phone, spirits, wine, beer, cigarettes, tobacco, perfume, cash, ...
    #[arg(long, default_value = "goods")]
    pub kind: String,
    /// Price paid.
    #[arg(long)]
    pub value: Option<String>,
    /// Currency of the price (ISO 4217).
    #[arg(long)]
    pub currency: Option<String>,
    /// Pieces.
    #[arg(long)]
    pub count: Option<String>,
    /// Litres.
    #[arg(long)]
    pub litres: Option<String>,
    /// Grams.
    #[arg(long)]
    pub grams: Option<String>,
    /// Millilitres.
    #[arg(long)]
    pub ml: Option<String>,
    /// Weight in kilograms.
    #[arg(long)]
    pub weight: Option<String>,
    /// Alcohol by volume, percent.
    #[arg(long)]
    pub abv: Option<String>,
    /// Type of spirit (whisky, brandy, rum, gin, vodka, liqueur, other).
    #[arg(long)]
    pub spirit: Option<String>,
    /// HS code.
    #[arg(long)]
    pub hs: Option<String>,
    /// The item's own tariff duty rate, percent.
    #[arg(long)]
    pub duty_rate: Option<String>,
    /// Shop.
    #[arg(long)]
    pub shop: Option<String>,
    /// Date of purchase, YYYY-MM-DD (default: today, UTC).
    #[arg(long)]
    pub date: Option<String>,
    /// Traveller id (needed when the trip has several).
    #[arg(long)]
    pub traveller: Option<String>,
    /// Taken out and brought back.
    #[arg(long)]
    pub used: bool,
    /// A gift.
    #[arg(long)]
    pub gift: bool,
    /// Sent home separately (unaccompanied baggage).
    #[arg(long)]
    pub unaccompanied: bool,
    /// Eligible for a tax-free refund.
    #[arg(long)]
    pub tax_free: bool,
    /// Attach a receipt file.
    #[arg(long)]
    pub receipt: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Purchase commands.
#[derive(Debug, Subcommand)]
pub enum PurchaseCmd {
    /// List the purchases of a trip.
    List {
        /// Trip id.
        trip: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete a purchase (undo brings it back).
    Delete {
        /// Purchase id.
        id: String,
    },
    /// Attach a receipt file to a purchase.
    Attach {
        /// Purchase id.
        id: String,
        /// The file.
        file: PathBuf,
    },
}

/// Rates commands.
#[derive(Debug, Subcommand)]
pub enum RatesCmd {
    /// Import a CBU JSON, ECB XML or ECB CSV file.
    Import {
        /// The feed file.
        file: PathBuf,
    },
    /// Add a rate by hand: units of BASE per one unit of CURRENCY.
    Add {
        /// The currency.
        currency: String,
        /// Units of the base currency per one unit.
        rate: String,
        /// The base currency.
        #[arg(long)]
        base: String,
        /// Valid from, YYYY-MM-DD (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
    },
    /// List stored rate tables, newest first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// HS commands.
#[derive(Debug, Subcommand)]
pub enum HsCmd {
    /// Import the HS 2022 CSV (section,hscode,description,parent,level).
    Import {
        /// The CSV file.
        file: PathBuf,
    },
    /// Search descriptions (words, prefixes) or codes.
    Search {
        /// The query.
        query: String,
        /// Most results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one code with its parents and children.
    Show {
        /// The code.
        code: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}
