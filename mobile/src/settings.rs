//! The device's settings (language, home country, default currency), kept by the core and
//! never synced.

use karvon_core::settings::Settings as CoreSettings;

use crate::{ApiError, KarvonApi};

/// The settings of this device.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Settings {
    /// The language messages are shown in: `en`, `uz-Latn` or `ru` (`uz`, `ru_RU` and the
    /// like are accepted when saving).
    pub language: String,
    /// The home country, ISO 3166-1 alpha-2 (`UZ`; lower case is accepted when saving).
    pub home_country: String,
    /// The default currency, ISO 4217 (`UZS`; lower case is accepted when saving).
    pub currency: String,
}

impl From<CoreSettings> for Settings {
    fn from(s: CoreSettings) -> Self {
        Self {
            language: s.language.tag().to_owned(),
            home_country: s.home_country,
            currency: s.currency.code().to_owned(),
        }
    }
}

#[uniffi::export]
impl KarvonApi {
    /// The settings of this device: the saved ones, or the defaults (English, `UZ`, `UZS`).
    pub fn settings(&self) -> Result<Settings, ApiError> {
        self.run(karvon_core::Karvon::settings).map(Settings::from)
    }

    /// Checks and saves the settings of this device (every bad field named, nothing saved
    /// then) and renders every later message in their language, also after reopening.
    pub fn save_settings(&self, settings: Settings) -> Result<Settings, ApiError> {
        let saved = self.run(|k| {
            let s = CoreSettings::parse(
                &settings.language,
                &settings.home_country,
                &settings.currency,
            )?;
            k.save_settings(&s)?;
            Ok(s)
        })?;
        self.set_lang(saved.language);
        Ok(Settings::from(saved))
    }
}
