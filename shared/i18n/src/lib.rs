//! Karvon's message catalogue: renders [`karvon_domain::Message`]s through Project Fluent,
//! with numbers, money and dates formatted for the locale.
//!
//! English is the reference locale; Uzbek (Latin) and Russian carry the same ids. A message
//! missing from a locale falls back to English.

mod format;

use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use karvon_domain::{Arg, Message};

pub use format::{format_decimal, format_money};

/// A supported language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Uzbek, Latin script.
    Uz,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Uz, Lang::Ru];

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uz => "uz-Latn",
            Lang::Ru => "ru",
        }
    }

    /// Parses `en`, `uz`, `ru`, or a POSIX locale such as `ru_RU.UTF-8`.
    pub fn parse(s: &str) -> Option<Lang> {
        let lower = s.trim().to_ascii_lowercase();
        let head = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match head {
            "en" | "c" | "posix" => Some(Lang::En),
            "uz" => Some(Lang::Uz),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// Every catalogue file of the language, one per area of the product.
    fn sources(self) -> &'static [&'static str] {
        macro_rules! files {
            ($lang:literal) => {
                &[
                    include_str!(concat!("../locales/", $lang, "/base.ftl")),
                    include_str!(concat!("../locales/", $lang, "/declare.ftl")),
                    include_str!(concat!("../locales/", $lang, "/trade.ftl")),
                    include_str!(concat!("../locales/", $lang, "/document.ftl")),
                    include_str!(concat!("../locales/", $lang, "/render.ftl")),
                    include_str!(concat!("../locales/", $lang, "/sync.ftl")),
                    include_str!(concat!("../locales/", $lang, "/filing.ftl")),
                    include_str!(concat!("../locales/", $lang, "/mobile.ftl")),
                    include_str!(concat!("../locales/", $lang, "/ui.ftl")),
                    include_str!(concat!("../locales/", $lang, "/dist.ftl")),
                    include_str!(concat!("../locales/", $lang, "/settings.ftl")),
                    include_str!(concat!("../locales/", $lang, "/backup.ftl")),
                ]
            };
        }
        match self {
            Lang::En => files!("en"),
            Lang::Uz => files!("uz"),
            Lang::Ru => files!("ru"),
        }
    }
}

/// Renders messages in one language (falling back to English).
pub struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    english: Option<FluentBundle<FluentResource>>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .finish()
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let langid = lang.tag().parse().expect("static language tags are valid");
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    for source in lang.sources() {
        let resource =
            FluentResource::try_new((*source).to_owned()).expect("catalogues are checked by tests");
        bundle
            .add_resource(resource)
            .expect("catalogue ids are unique");
    }
    bundle
}

impl Catalogue {
    /// The catalogue of a language.
    pub fn new(lang: Lang) -> Self {
        let english = (lang != Lang::En).then(|| bundle(Lang::En));
        Self {
            lang,
            bundle: bundle(lang),
            english,
        }
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the language itself (not the fallback) has this id.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Renders a message id without arguments.
    pub fn text(&self, id: &str) -> String {
        self.render(&Message::new_owned(id.to_owned()))
    }

    /// Renders a message; an unknown id renders as the id itself so nothing is silently lost.
    pub fn render(&self, message: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, arg) in &message.args {
            let value = match arg {
                // A term is rendered with the other arguments of the message that names it, so
                // a message can carry another message (a reason with its own details).
                Arg::Term { id } => self.render(&Message {
                    id: id.clone(),
                    args: message
                        .args
                        .iter()
                        .filter(|(_, a)| !matches!(a, Arg::Term { .. }))
                        .cloned()
                        .collect(),
                }),
                other => self.arg(other),
            };
            args.set(name.as_ref(), FluentValue::from(value));
        }
        for bundle in std::iter::once(&self.bundle).chain(self.english.as_ref()) {
            if let Some(pattern) = bundle.get_message(&message.id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                return text.into_owned();
            }
        }
        message.id.to_string()
    }

    fn arg(&self, arg: &Arg) -> String {
        match arg {
            Arg::Text { value } => value.clone(),
            Arg::Term { id } => self.text(id),
            Arg::Money { amount, currency } => format_money(self.lang, *amount, *currency),
            Arg::Number { value } => format_decimal(self.lang, *value, None),
            Arg::Percent { value } => format!("{}\u{a0}%", format_decimal(self.lang, *value, None)),
            Arg::Int { value } => value.to_string(),
            Arg::Date { value } => value.to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
