//! What the host app sends: text fields exactly as the user typed them, turned into the core's
//! inputs here. A field that cannot be read is refused with its record field name as the path.

use karvon_core::domain::payment::{Bic, Iban, Party};
use karvon_core::payments::PaymentOptions;
use karvon_core::trips::Plan;
use karvon_core::{Error, PurchaseInput as CorePurchaseInput};

use crate::error::bad;
use crate::input::{
    currency, date, decimal, kind, mode, opt_currency, opt_date, opt_decimal, opt_text, spirit,
};
use crate::records::Amount;

/// A new traveller.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TravellerInput {
    /// Name as on the travel document.
    pub name: String,
    /// Date of birth, `YYYY-MM-DD`.
    pub birth_date: String,
    /// Country of residence, ISO 3166 alpha-2.
    pub residency: String,
    /// Passport or ID number.
    #[uniffi(default)]
    pub document: Option<String>,
    /// Statuses such as `crew` or `long_term_pass`.
    #[uniffi(default)]
    pub statuses: Vec<String>,
}

impl TravellerInput {
    pub(crate) fn to_core(&self) -> Result<karvon_core::TravellerInput, Error> {
        Ok(karvon_core::TravellerInput {
            name: self.name.clone(),
            birth_date: Some(date("birth_date", &self.birth_date)?),
            residency: self.residency.clone(),
            document: self.document.clone(),
            statuses: self.statuses.clone(),
        })
    }
}

/// Changes to a traveller: a missing field is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct TravellerPatch {
    /// New name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// New date of birth.
    #[uniffi(default)]
    pub birth_date: Option<String>,
    /// New residency.
    #[uniffi(default)]
    pub residency: Option<String>,
    /// New document number; an empty text removes it.
    #[uniffi(default)]
    pub document: Option<String>,
    /// New statuses.
    #[uniffi(default)]
    pub statuses: Option<Vec<String>>,
}

impl TravellerPatch {
    pub(crate) fn to_core(&self) -> Result<karvon_core::TravellerPatch, Error> {
        Ok(karvon_core::TravellerPatch {
            name: self.name.clone(),
            birth_date: opt_date("birth_date", self.birth_date.as_deref())?,
            residency: self.residency.clone(),
            document: self.document.as_deref().map(|d| opt_text(Some(d))),
            statuses: self.statuses.clone(),
        })
    }
}

fn plan(path: &str, p: Option<&Amount>) -> Result<Option<Plan>, Error> {
    p.map(|a| {
        Ok(Plan {
            amount: decimal(&format!("{path}.value"), &a.value)?,
            currency: currency(&format!("{path}.currency"), &a.currency)?,
        })
    })
    .transpose()
}

/// A new trip.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TripInput {
    /// The user's name for it.
    pub name: String,
    /// Destination rules pack, e.g. `UZ` (see `jurisdictions()`).
    pub jurisdiction: String,
    /// Arrival date, `YYYY-MM-DD`.
    pub arrival: String,
    /// `air`, `sea`, `rail`, `river`, `road`, `private_air` or `private_sea`.
    pub mode: String,
    /// Whole days abroad.
    pub days_abroad: u32,
    /// Traveller ids (or unique prefixes of 4+ characters).
    pub travellers: Vec<String>,
    /// Spending plan.
    #[uniffi(default)]
    pub plan: Option<Amount>,
    /// Ask to pool the household's allowances.
    #[uniffi(default)]
    pub joint: bool,
}

impl TripInput {
    pub(crate) fn to_core(&self) -> Result<karvon_core::TripInput, Error> {
        Ok(karvon_core::TripInput {
            name: self.name.clone(),
            jurisdiction: self.jurisdiction.clone(),
            arrival: date("arrival", &self.arrival)?,
            mode: mode("mode", &self.mode)?,
            days_abroad: self.days_abroad,
            travellers: self.travellers.clone(),
            plan: plan("plan", self.plan.as_ref())?,
            joint: self.joint,
        })
    }
}

/// Changes to a trip: a missing field is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct TripPatch {
    /// New name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// New destination.
    #[uniffi(default)]
    pub jurisdiction: Option<String>,
    /// New arrival date.
    #[uniffi(default)]
    pub arrival: Option<String>,
    /// New travel mode.
    #[uniffi(default)]
    pub mode: Option<String>,
    /// New days abroad.
    #[uniffi(default)]
    pub days_abroad: Option<u32>,
    /// New travellers.
    #[uniffi(default)]
    pub travellers: Option<Vec<String>>,
    /// New spending plan.
    #[uniffi(default)]
    pub plan: Option<Amount>,
    /// Remove the spending plan.
    #[uniffi(default)]
    pub remove_plan: bool,
    /// New joint-declaration choice.
    #[uniffi(default)]
    pub joint: Option<bool>,
}

impl TripPatch {
    pub(crate) fn to_core(&self) -> Result<karvon_core::TripPatch, Error> {
        let plan = if self.remove_plan {
            Some(None)
        } else {
            plan("plan", self.plan.as_ref())?.map(Some)
        };
        Ok(karvon_core::TripPatch {
            name: self.name.clone(),
            jurisdiction: self.jurisdiction.clone(),
            arrival: opt_date("arrival", self.arrival.as_deref())?,
            mode: self.mode.as_deref().map(|m| mode("mode", m)).transpose()?,
            days_abroad: self.days_abroad,
            travellers: self.travellers.clone(),
            plan,
            joint: self.joint,
        })
    }
}

/// A purchase (to save, or to ask what it would change).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PurchaseInput {
    /// Trip id.
    pub trip: String,
    /// What it is.
    pub description: String,
    /// Kind: `goods`, `phone`, `spirits`, `wine`, `beer`, `cigarettes`, `perfume`, `cash`, ...
    pub kind: String,
    /// Date bought, `YYYY-MM-DD`.
    pub bought_on: String,
    /// Price paid, a decimal.
    #[uniffi(default)]
    pub value: Option<String>,
    /// Currency of the price, ISO 4217.
    #[uniffi(default)]
    pub currency: Option<String>,
    /// Traveller id (optional when the trip has one traveller).
    #[uniffi(default)]
    pub traveller: Option<String>,
    /// Pieces (cigarettes, cigars).
    #[uniffi(default)]
    pub count: Option<String>,
    /// Litres (alcohol).
    #[uniffi(default)]
    pub litres: Option<String>,
    /// Grams (tobacco).
    #[uniffi(default)]
    pub grams: Option<String>,
    /// Millilitres (perfume).
    #[uniffi(default)]
    pub ml: Option<String>,
    /// Weight in kg.
    #[uniffi(default)]
    pub weight_kg: Option<String>,
    /// Alcohol by volume, %.
    #[uniffi(default)]
    pub abv: Option<String>,
    /// Type of spirit (`whisky`, `brandy`, `rum`, `gin`, `vodka`, `liqueur`, `other`).
    #[uniffi(default)]
    pub spirit: Option<String>,
    /// HS code.
    #[uniffi(default)]
    pub hs_code: Option<String>,
    /// The item's own tariff rate, %.
    #[uniffi(default)]
    pub duty_rate: Option<String>,
    /// Shop.
    #[uniffi(default)]
    pub shop: Option<String>,
    /// Taken out and brought back (not counted).
    #[uniffi(default)]
    pub used: bool,
    /// A gift.
    #[uniffi(default)]
    pub gift: bool,
    /// Bought tax free.
    #[uniffi(default)]
    pub tax_free: bool,
}

impl PurchaseInput {
    pub(crate) fn to_core(&self) -> Result<CorePurchaseInput, Error> {
        let mut p = CorePurchaseInput::new(
            &self.trip,
            &self.description,
            kind("kind", &self.kind)?,
            date("bought_on", &self.bought_on)?,
        );
        p.value = opt_decimal("value", self.value.as_deref())?;
        p.currency = opt_currency("currency", self.currency.as_deref())?;
        p.traveller = opt_text(self.traveller.as_deref());
        p.count = opt_decimal("count", self.count.as_deref())?;
        p.litres = opt_decimal("litres", self.litres.as_deref())?;
        p.grams = opt_decimal("grams", self.grams.as_deref())?;
        p.ml = opt_decimal("ml", self.ml.as_deref())?;
        p.weight_kg = opt_decimal("weight_kg", self.weight_kg.as_deref())?;
        p.abv = opt_decimal("abv", self.abv.as_deref())?;
        p.spirit = spirit("spirit", self.spirit.as_deref())?;
        p.hs_code = opt_text(self.hs_code.as_deref());
        p.duty_rate = opt_decimal("duty_rate", self.duty_rate.as_deref())?;
        p.shop = opt_text(self.shop.as_deref());
        p.used = self.used;
        p.gift = self.gift;
        p.tax_free = self.tax_free;
        Ok(p)
    }
}

/// A bank account holder: name, IBAN and optional BIC.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Account {
    /// Holder's name.
    pub name: String,
    /// IBAN.
    pub iban: String,
    /// BIC.
    #[uniffi(default)]
    pub bic: Option<String>,
}

impl Account {
    pub(crate) fn to_core(&self, path: &str) -> Result<Party, Error> {
        let iban =
            Iban::parse(&self.iban).map_err(|e| bad(&format!("{path}.iban"), e.message()))?;
        let bic = opt_text(self.bic.as_deref())
            .map(|b| Bic::parse(&b))
            .transpose()
            .map_err(|e| bad(&format!("{path}.bic"), e.message()))?;
        Ok(Party::with_iban(self.name.clone(), iban, bic))
    }
}

/// What the user adds to a payment draft; the amount comes from the declaration.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct PaymentInput {
    /// The payee, when customs gave it (otherwise the draft says it is given at filing).
    #[uniffi(default)]
    pub payee: Option<Account>,
    /// ISO 11649 creditor reference (`RF…`).
    #[uniffi(default)]
    pub reference: Option<String>,
    /// Due date, `YYYY-MM-DD`.
    #[uniffi(default)]
    pub due_date: Option<String>,
    /// Remittance text (by default it names the declaration).
    #[uniffi(default)]
    pub purpose: Option<String>,
}

impl PaymentInput {
    pub(crate) fn to_core(&self) -> Result<PaymentOptions, Error> {
        Ok(PaymentOptions {
            payee: self
                .payee
                .as_ref()
                .map(|a| a.to_core("payee"))
                .transpose()?,
            reference: opt_text(self.reference.as_deref()),
            due_date: opt_date("due_date", self.due_date.as_deref())?,
            purpose: opt_text(self.purpose.as_deref()),
        })
    }
}
