//! Settings of this device: the interface language, the home country and the default
//! currency. Every front (desktop, mobile, CLI) reads and saves them here.
//!
//! They are kept as one JSON object in the store's `meta` table (key `settings`), which is
//! never synced: each device has its own. Fields missing from the stored object take their
//! defaults, so settings added later need no migration; unknown fields are ignored.

use karvon_domain::postal::is_country;
use karvon_domain::{Currency, InputError, Message};
use karvon_i18n::Lang;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Karvon};

/// The `meta` key the settings are stored under.
const KEY: &str = "settings";

/// Longest stored settings object read back, in bytes.
const MAX_STORED_BYTES: usize = 64 * 1024;

/// The settings of this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The language messages are shown in.
    #[serde(serialize_with = "lang_out", deserialize_with = "lang_in")]
    pub language: Lang,
    /// The country the user lives in and returns to, ISO 3166-1 alpha-2 (upper case, `UZ`).
    #[serde(deserialize_with = "country_in")]
    pub home_country: String,
    /// The currency new purchases and spending plans start in.
    pub currency: Currency,
}

impl Default for Settings {
    /// English, Uzbekistan, Uzbek som: the product's home market.
    fn default() -> Self {
        Self {
            language: Lang::En,
            home_country: "UZ".to_owned(),
            currency: Currency::from_code("UZS")
                .unwrap_or_else(|_| unreachable!("UZS is in the ISO 4217 table")),
        }
    }
}

impl Settings {
    /// Settings from the text a form gives (`en`/`uz`/`ru` or a locale such as `ru_RU`; a
    /// country code such as `uz`; a currency code such as `eur`), every bad field named: one
    /// gives [`Error::Input`] at its field, several give [`Error::Invalid`].
    pub fn parse(language: &str, home_country: &str, currency: &str) -> Result<Self, Error> {
        let mut problems = Vec::new();
        let language = parse_language(language).map_err(|e| problems.push(e)).ok();
        let home_country = parse_country(home_country)
            .map_err(|e| problems.push(e))
            .ok();
        let currency = parse_currency(currency).map_err(|e| problems.push(e)).ok();
        match (language, home_country, currency) {
            (Some(language), Some(home_country), Some(currency)) => Ok(Self {
                language,
                home_country,
                currency,
            }),
            _ if problems.len() == 1 => Err(Error::Input(problems.remove(0))),
            _ => Err(Error::Invalid(problems)),
        }
    }

    /// Checks what the types cannot: the home country is an assigned ISO 3166-1 code.
    pub fn check(&self) -> Result<(), Error> {
        if is_country(&self.home_country) {
            Ok(())
        } else {
            Err(Error::Input(country_error(&self.home_country)))
        }
    }
}

/// A language tag: `en`, `uz`, `ru` or a locale of one of them.
fn parse_language(tag: &str) -> Result<Lang, InputError> {
    Lang::parse(tag).ok_or_else(|| {
        InputError::new(
            "language",
            Message::new("settings-language").text("value", clip(tag)),
        )
    })
}

/// A country code, upper-cased.
fn parse_country(code: &str) -> Result<String, InputError> {
    let c = code.trim().to_ascii_uppercase();
    if is_country(&c) {
        Ok(c)
    } else {
        Err(country_error(code))
    }
}

fn country_error(code: &str) -> InputError {
    InputError::new(
        "home_country",
        Message::new("settings-country").text("value", clip(code)),
    )
}

/// A currency code, upper-cased.
fn parse_currency(code: &str) -> Result<Currency, InputError> {
    Currency::from_code(&code.trim().to_ascii_uppercase()).map_err(|_| {
        InputError::new(
            "currency",
            Message::new("settings-currency").text("value", clip(code)),
        )
    })
}

/// At most 16 characters of a bad value, for the message.
fn clip(value: &str) -> String {
    value.chars().take(16).collect()
}

fn lang_out<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.tag())
}

fn lang_in<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
    let tag = String::deserialize(d)?;
    Lang::parse(&tag).ok_or_else(|| serde::de::Error::custom("unknown language"))
}

fn country_in<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let code = String::deserialize(d)?;
    if is_country(&code) {
        Ok(code)
    } else {
        Err(serde::de::Error::custom("unknown country"))
    }
}

/// Reads stored settings, naming the field that cannot be read.
fn decode(text: &str) -> Result<Settings, Error> {
    let bad = |field: String| Error::Store(Message::new("settings-stored").text("field", field));
    if text.len() > MAX_STORED_BYTES {
        return Err(bad(KEY.to_owned()));
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        bad(if path == "." { KEY.to_owned() } else { path })
    })
}

impl Karvon {
    /// The settings saved on this device, or `None` when none were saved yet.
    pub fn saved_settings(&self) -> Result<Option<Settings>, Error> {
        let text: Option<String> = self.store()?.read(|c| {
            Ok(c.prepare_cached("SELECT value FROM meta WHERE key = ?1")?
                .query_row([KEY], |r| r.get(0))
                .optional()?)
        })?;
        text.map(|t| decode(&t)).transpose()
    }

    /// The settings of this device: the saved ones, or the defaults.
    pub fn settings(&self) -> Result<Settings, Error> {
        Ok(self.saved_settings()?.unwrap_or_default())
    }

    /// Saves the settings of this device (not synced); a bad home country is refused at
    /// `home_country` and nothing is saved.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), Error> {
        settings.check()?;
        let text = serde_json::to_string(settings)
            .map_err(|_| Error::Store(Message::new("settings-stored").text("field", KEY)))?;
        self.store()?.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )?
            .execute([KEY, &text])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_missing_fields_and_bad_ones_are_named() {
        assert_eq!(Settings::default().currency.code(), "UZS");
        let s = decode(r#"{"language":"ru","future":1}"#).unwrap();
        assert_eq!(s.language, Lang::Ru);
        assert_eq!(s.home_country, "UZ");
        let Err(Error::Store(m)) = decode(r#"{"language":"ru","currency":"XYZ"}"#) else {
            panic!("expected a store error")
        };
        assert_eq!(m.id, "settings-stored");
        assert_eq!(
            m.args,
            vec![(
                "field".into(),
                karvon_domain::Arg::Text {
                    value: "currency".into()
                }
            )]
        );
    }
}
