//! The rules-pack file format (JSON), as typed data. Documented in `docs/rules-packs.md`.
//!
//! A pack is data, not code: every figure carries a source key (resolved in `sources`), the date
//! it is effective from and a confidence taken from the research.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::date::Date;
use crate::kind::{Kind, Mode, Spirit, Unit};
use crate::rounding::Rounding;

/// How sure the research is of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated by an official or primary source.
    Confirmed,
    /// Only third-party sources.
    Secondary,
    /// No source found.
    Unconfirmed,
    /// Sources disagree.
    Conflict,
}

impl Confidence {
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Secondary => "secondary",
            Confidence::Unconfirmed => "unconfirmed",
            Confidence::Conflict => "conflict",
        }
    }
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Where the figure can be checked.
    pub url: String,
    /// A short title (verbatim; not translated).
    pub title: String,
}

/// Where a figure comes from; every figure has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cite {
    /// Key into the pack's `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence of the research.
    pub confidence: Confidence,
    /// A note for maintainers (verbatim, not shown to users).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A number (a percentage, a quantity, an age, a day count) with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumFig {
    /// The figure.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An amount of money with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyFig {
    /// The amount.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Its currency (converted to the pack currency with the trip's rates).
    pub currency: Currency,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A yes/no policy with its citation (e.g. whether family pooling is allowed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFig {
    /// Whether it is allowed.
    pub allowed: bool,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Access to the citation of any figure.
pub trait Cited {
    /// The citation.
    fn cite(&self) -> Cite;
}

macro_rules! cited {
    ($t:ty) => {
        impl Cited for $t {
            fn cite(&self) -> Cite {
                Cite {
                    source: self.source.clone(),
                    from: self.from,
                    confidence: self.confidence,
                    note: self.note.clone(),
                }
            }
        }
    };
}
cited!(NumFig);
cited!(MoneyFig);
cited!(PolicyFig);

/// Conditions on the trip and the traveller; every field given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Travel modes this applies to (any, if empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<Mode>,
    /// Minimum age, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<NumFig>,
    /// Maximum age, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<NumFig>,
    /// Minimum whole days abroad, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_days_abroad: Option<NumFig>,
    /// Maximum whole days abroad, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days_abroad: Option<NumFig>,
    /// Required residency (`true`: residents only; `false`: non-residents only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident: Option<bool>,
    /// Traveller statuses that exclude (e.g. `crew`, `long_term_pass`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_statuses: Vec<String>,
}

/// Which items a rule applies to; every field given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemMatch {
    /// Kinds (required, non-empty).
    pub kinds: Vec<Kind>,
    /// Alcohol strictly above this % vol (an absent `abv` on `spirits` counts as above 22).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_dec")]
    pub abv_above: Option<Decimal>,
    /// Alcohol at most this % vol.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_dec")]
    pub abv_at_most: Option<Decimal>,
    /// Spirit types (any, if empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spirits: Vec<Spirit>,
    /// Only items whose customs value is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_at_most: Option<MoneyFig>,
}

/// One tier of the value allowance: the first tier whose condition holds gives the amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// When this tier applies.
    #[serde(default)]
    pub when: Condition,
    /// The allowance.
    pub amount: MoneyFig,
}

/// How an allowance attaches to items when it is exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attach {
    /// Whole items fit under the allowance or not at all; the allocation that costs the traveller
    /// least is chosen and the officer decides (EU, JP).
    Indivisible,
    /// Exceeding the allowance makes every item of the category dutiable (GB, AU).
    WholeCategory,
    /// Only the part above the allowance is dutiable (SG, UZ, EAEU, US).
    Excess,
}

/// The value (general goods) allowance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueAllowance {
    /// Kinds whose value counts against it.
    pub counts: Vec<Kind>,
    /// How it attaches.
    pub attach: Attach,
    /// Tiers, first match wins; no match means no allowance.
    pub tiers: Vec<Tier>,
    /// Whether travellers of one household may pool it on a joint declaration.
    pub pooling: PolicyFig,
}

/// A weight allowance (EAEU): kilograms of counted goods, excess charged as for value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightAllowance {
    /// Tiers of kilograms (the `amount` is read as kilograms; its currency is ignored).
    pub tiers: Vec<WeightTier>,
}

/// One tier of a weight allowance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightTier {
    /// When it applies.
    #[serde(default)]
    pub when: Condition,
    /// Kilograms.
    pub kg: NumFig,
}

/// What happens to a traveller below an age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnderAge {
    /// The allowance does not apply; the goods are dutiable.
    NoAllowance,
    /// The traveller may not bring the goods in at all.
    NotAllowed,
}

/// An age gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeGate {
    /// Minimum age, inclusive.
    pub age: NumFig,
    /// Effect below it.
    pub effect: UnderAge,
}

/// A member of a quantity allowance (e.g. "spirits over 22 %").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Which items.
    #[serde(rename = "match")]
    pub matches: ItemMatch,
    /// The limit in `unit` (unused with `options`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<NumFig>,
    /// The unit of the limit.
    pub unit: Unit,
    /// An age gate for this member only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<AgeGate>,
}

/// How members of a quantity allowance combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// Each member uses a fraction of its limit; the fractions together may reach 100 %
    /// ("1 L spirits OR 2 L under 22 %, combinable"). One member alone is a plain limit.
    Fractions,
    /// Exactly one of the listed options applies, the one that costs the traveller least (SG).
    Options,
}

/// One option of an `options` allowance: a limit per member name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionLimits {
    /// Member name to limit in the member's unit.
    #[serde(with = "dec_map")]
    pub limits: BTreeMap<String, Decimal>,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
}

/// The allowance category a quantity allowance belongs to (for labels and alerts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// General goods (the value allowance).
    Goods,
    /// Alcoholic drinks.
    Alcohol,
    /// Wine.
    Wine,
    /// Beer.
    Beer,
    /// Tobacco products.
    Tobacco,
    /// Perfume.
    Perfume,
    /// Phones.
    Phones,
    /// Weight of goods.
    Weight,
}

impl Category {
    /// The catalogue term.
    pub fn term(self) -> &'static str {
        match self {
            Category::Goods => "category-goods",
            Category::Alcohol => "category-alcohol",
            Category::Wine => "category-wine",
            Category::Beer => "category-beer",
            Category::Tobacco => "category-tobacco",
            Category::Perfume => "category-perfume",
            Category::Phones => "category-phones",
            Category::Weight => "category-weight",
        }
    }
}

/// A hard cap above which the goods are not allowed for a traveller (EAEU: over 5 L alcohol).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// The cap, in the allowance's members' fraction (1 = the limit) or in units when one member.
    pub quantity: NumFig,
}

/// A quantity allowance (alcohol, tobacco, perfume, phones).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityAllowance {
    /// Category label.
    pub category: Category,
    /// Members by name.
    pub members: BTreeMap<String, Member>,
    /// How members combine.
    pub combine: Combine,
    /// The options, with `combine: options`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionLimits>,
    /// How the allowance attaches when exceeded (`excess` or `whole_category`).
    pub attach: Attach,
    /// When the allowance applies at all (otherwise the goods are dutiable).
    #[serde(default)]
    pub when: Condition,
    /// An age gate for every member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<AgeGate>,
    /// Whether the value of the goods within this allowance also counts against the value
    /// allowance (US: the $800 may include 1 L of alcohol and 200 cigarettes).
    #[serde(default)]
    pub counts_in_value: bool,
    /// A hard cap on the total quantity, in the unit of the single member (not allowed above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_quantity: Option<NumFig>,
    /// A charge for the excess that replaces the pack's charge rules (EAEU: €10 per litre).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excess_charge: Option<Expr>,
}

/// A minimum stay abroad, below which allowances do not apply (UZ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StayGate {
    /// Modes it applies to.
    pub modes: Vec<Mode>,
    /// Minimum whole days abroad.
    pub min_days: NumFig,
}

/// A rate expression, evaluated on the dutiable part of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Expr {
    /// A percentage of the customs value.
    Percent(NumFig),
    /// An amount per unit of quantity.
    PerUnit {
        /// Amount per unit.
        amount: MoneyFig,
        /// The unit.
        unit: Unit,
    },
    /// The largest of several expressions ("30 %, not less than €4 per kg").
    Max(Vec<Expr>),
    /// The sum of several expressions (compound duty).
    Sum(Vec<Expr>),
}

/// How duty is charged on a matched item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Duty {
    /// No duty.
    None,
    /// The pack does not know the rate; the amount is not computed.
    Unknown,
    /// The item's own tariff rate (`duty_rate` in the trip file); otherwise the estimate if one
    /// is given, otherwise unknown.
    Tariff {
        /// A rate to estimate with when the item gives none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        estimate: Option<NumFig>,
    },
    /// A flat rate on all dutiable goods of a traveller (or pool) while their total is at most
    /// `up_to`; above it, tariff rates (EU 2.5 % to €700).
    Flat {
        /// The flat rate in percent.
        rate: NumFig,
        /// The ceiling of the dutiable total.
        up_to: MoneyFig,
    },
    /// A marginal band: the first `width` of dutiable value at `rate`, the rest at tariff rates
    /// (US 3 % on the next $1,000).
    Band {
        /// The band rate in percent.
        rate: NumFig,
        /// The band width.
        width: MoneyFig,
    },
    /// A rate expression.
    Expr(Expr),
}

/// Whether and how a tax component is charged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Component {
    /// Not charged.
    None,
    /// Charged, but the pack does not know the rate.
    Unknown,
    /// Charged by this expression.
    Expr(Expr),
}

/// A charge rule: how the dutiable part of matched items is taxed. First match wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChargeRule {
    /// Which items.
    #[serde(rename = "match")]
    pub matches: ItemMatch,
    /// A single payment that replaces duty, VAT and excise (UZ, EAEU, JP simplified rates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single: Option<Expr>,
    /// Customs duty.
    #[serde(default = "duty_none")]
    pub duty: Duty,
    /// Excise.
    #[serde(default = "component_none")]
    pub excise: Component,
    /// Whether the pack's VAT applies (on value + duty + excise).
    #[serde(default)]
    pub vat: bool,
}

fn duty_none() -> Duty {
    Duty::None
}

fn component_none() -> Component {
    Component::None
}

/// The VAT (GST, consumption tax) of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vat {
    /// Catalogue term for the tax's name (`tax-vat`, `tax-gst`, `tax-consumption`).
    pub name: String,
    /// The rate in percent; absent when the pack does not know it (a baseline such as `EU`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<NumFig>,
}

/// Whether a threshold is reached at the figure or only above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// `amount >= threshold`.
    AtLeast,
    /// `amount > threshold`.
    MoreThan,
}

/// Who a cash threshold counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CashPer {
    /// Each traveller separately.
    Traveller,
    /// The whole travelling party together (minors' cash added to the adults').
    Party,
}

/// The cash-declaration rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CashRule {
    /// The threshold.
    pub threshold: MoneyFig,
    /// How it compares.
    pub compare: Compare,
    /// Who it counts over.
    pub per: CashPer,
}

/// Items that must always be declared (UZ phones) or are not allowed, or do not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRule {
    /// Which items.
    #[serde(rename = "match")]
    pub matches: ItemMatch,
    /// Catalogue term giving the reason shown to the user.
    pub reason: String,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
}

/// The document a restricted good needs to be brought in by a traveller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permit {
    /// A sanitary (public health) certificate or permit.
    Sanitary,
    /// A phytosanitary certificate or plant quarantine permit.
    Phytosanitary,
    /// A veterinary certificate or permit.
    Veterinary,
    /// An import licence.
    Licence,
    /// Not allowed for travellers at all, whatever the papers.
    Prohibited,
}

impl Permit {
    /// The catalogue term naming the permit.
    pub fn term(self) -> &'static str {
        match self {
            Permit::Sanitary => "declare-permit-sanitary",
            Permit::Phytosanitary => "declare-permit-phytosanitary",
            Permit::Veterinary => "declare-permit-veterinary",
            Permit::Licence => "declare-permit-licence",
            Permit::Prohibited => "declare-permit-prohibited",
        }
    }
}

/// Goods that need a permit (or are prohibited for travellers): an item matches when its kind is
/// one of `kinds` or its HS code starts with one of `hs_prefixes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restriction {
    /// Kinds it matches (any of).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<Kind>,
    /// HS code prefixes it matches (any of), 2 to 10 digits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hs_prefixes: Vec<String>,
    /// The permit needed.
    pub permit: Permit,
    /// The issuing (or, for prohibitions, the supervising) authority, verbatim.
    pub authority: String,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
    /// Maintainer note (exceptions the matcher cannot express).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

cited!(Restriction);

/// A notice the pack always adds for its jurisdiction (e.g. "the officer decides").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackNotice {
    /// Catalogue id of the message.
    pub message: String,
    /// Key into `sources`.
    pub source: String,
    /// Effective from.
    pub from: Date,
    /// Confidence.
    pub confidence: Confidence,
}

/// Where a pack rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackRounding {
    /// Converting a foreign amount into the pack currency.
    pub conversion: Rounding,
    /// Each tax total (duty, VAT, excise) of the assessment; lines are apportioned.
    pub charges: Rounding,
}

/// A rules pack for one jurisdiction, after `extends` has been merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Format version (1).
    pub format: u32,
    /// Jurisdiction code, e.g. `FI`, or `EU` for the baseline.
    pub id: String,
    /// English name (for maintainers; users see the catalogue's).
    pub name: String,
    /// The pack this one extends (merged before parsing; kept for display).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Whether trips can be assessed against it (a baseline like `EU` may not be).
    #[serde(default = "yes")]
    pub assessable: bool,
    /// The currency duties are paid in.
    pub currency: Currency,
    /// The date this version of the pack is valid from.
    pub valid_from: Date,
    /// Sources by key.
    pub sources: BTreeMap<String, Source>,
    /// Rounding steps.
    pub rounding: PackRounding,
    /// Minimum stay gates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stay_gates: Vec<StayGate>,
    /// The value allowance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_allowance: Option<ValueAllowance>,
    /// A weight allowance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_allowance: Option<WeightAllowance>,
    /// Quantity allowances by name.
    #[serde(default)]
    pub quantity_allowances: BTreeMap<String, QuantityAllowance>,
    /// Charge rules, first match wins.
    #[serde(default)]
    pub charges: Vec<ChargeRule>,
    /// VAT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<Vat>,
    /// Cash declaration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash: Option<CashRule>,
    /// Items that must always be declared.
    #[serde(default)]
    pub must_declare: Vec<ItemRule>,
    /// Items not allowed for a traveller.
    #[serde(default)]
    pub prohibited: Vec<ItemRule>,
    /// Items that do not count and are not charged (e.g. medicines for personal use).
    #[serde(default)]
    pub not_counted: Vec<ItemRule>,
    /// Goods that need a permit or are prohibited for travellers (for the declaration).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restricted: Vec<Restriction>,
    /// Notices always shown for this jurisdiction.
    #[serde(default)]
    pub notices: Vec<PackNotice>,
}

fn yes() -> bool {
    true
}

mod opt_dec {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| t.parse::<Decimal>().map_err(serde::de::Error::custom))
            .transpose()
    }
}

mod dec_map {
    use std::collections::BTreeMap;

    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        v: &BTreeMap<String, Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let m: BTreeMap<&String, String> = v.iter().map(|(k, d)| (k, d.to_string())).collect();
        m.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, Decimal>, D::Error> {
        let m = BTreeMap::<String, String>::deserialize(d)?;
        m.into_iter()
            .map(|(k, v)| {
                v.parse::<Decimal>()
                    .map(|d| (k, d))
                    .map_err(serde::de::Error::custom)
            })
            .collect()
    }
}
