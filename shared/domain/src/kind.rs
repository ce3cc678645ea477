//! What an item is (its kind), how a trip is travelled (mode), and quantity units.

use serde::{Deserialize, Serialize};

/// The kind of an item in a trip file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// General goods.
    Goods,
    /// Mobile phones and similar devices.
    Phone,
    /// Spirits (distilled drinks).
    Spirits,
    /// Still wine.
    Wine,
    /// Sparkling wine.
    SparklingWine,
    /// Beer.
    Beer,
    /// Other alcoholic drinks (fortified wine, cider, liqueur...).
    OtherAlcohol,
    /// Cigarettes (count).
    Cigarettes,
    /// Cigarillos (count).
    Cigarillos,
    /// Cigars (count).
    Cigars,
    /// Smoking tobacco (grams).
    Tobacco,
    /// Heated-tobacco sticks (count).
    HeatedTobacco,
    /// Perfume (ml).
    Perfume,
    /// Medicine.
    Medicine,
    /// Food.
    Food,
    /// Plants and plant products.
    Plants,
    /// Animal products.
    AnimalProducts,
    /// Cash and other means of payment.
    Cash,
}

/// Which fields an item gives, for [`Kind::missing_field`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Present {
    /// A value (with its currency).
    pub value: bool,
    /// A count of pieces.
    pub count: bool,
    /// Litres.
    pub litres: bool,
    /// Grams.
    pub grams: bool,
    /// Millilitres.
    pub ml: bool,
    /// Taken out and brought back.
    pub used: bool,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 18] = [
        Kind::Goods,
        Kind::Phone,
        Kind::Spirits,
        Kind::Wine,
        Kind::SparklingWine,
        Kind::Beer,
        Kind::OtherAlcohol,
        Kind::Cigarettes,
        Kind::Cigarillos,
        Kind::Cigars,
        Kind::Tobacco,
        Kind::HeatedTobacco,
        Kind::Perfume,
        Kind::Medicine,
        Kind::Food,
        Kind::Plants,
        Kind::AnimalProducts,
        Kind::Cash,
    ];

    /// The name used in files, e.g. `sparkling_wine`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Goods => "goods",
            Kind::Phone => "phone",
            Kind::Spirits => "spirits",
            Kind::Wine => "wine",
            Kind::SparklingWine => "sparkling_wine",
            Kind::Beer => "beer",
            Kind::OtherAlcohol => "other_alcohol",
            Kind::Cigarettes => "cigarettes",
            Kind::Cigarillos => "cigarillos",
            Kind::Cigars => "cigars",
            Kind::Tobacco => "tobacco",
            Kind::HeatedTobacco => "heated_tobacco",
            Kind::Perfume => "perfume",
            Kind::Medicine => "medicine",
            Kind::Food => "food",
            Kind::Plants => "plants",
            Kind::AnimalProducts => "animal_products",
            Kind::Cash => "cash",
        }
    }

    /// Parses a file name of a kind.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The catalogue term for this kind, e.g. `kind-spirits`.
    pub fn term(self) -> String {
        format!("kind-{}", self.as_str().replace('_', "-"))
    }

    /// The field an item of this kind must still give, if any: the quantity its allowance is
    /// counted in (litres, count, grams, ml) or its value. Used items need nothing.
    pub fn missing_field(self, has: Present) -> Option<&'static str> {
        let (ok, field) = match self {
            k if k.is_alcohol() => (has.litres, "litres"),
            Kind::Cigarettes | Kind::Cigarillos | Kind::Cigars | Kind::HeatedTobacco => {
                (has.count, "count")
            }
            Kind::Tobacco => (has.grams, "grams"),
            Kind::Perfume => (has.ml || has.value, "ml"),
            _ => (has.value, "value"),
        };
        (!ok && !has.used).then_some(field)
    }

    /// Whether this is an alcoholic drink (needs `litres`).
    pub fn is_alcohol(self) -> bool {
        matches!(
            self,
            Kind::Spirits | Kind::Wine | Kind::SparklingWine | Kind::Beer | Kind::OtherAlcohol
        )
    }

    /// The unit in which this kind's quantity allowances are counted.
    pub fn unit(self) -> Unit {
        match self {
            k if k.is_alcohol() => Unit::Litres,
            Kind::Cigarettes | Kind::Cigarillos | Kind::Cigars | Kind::HeatedTobacco => {
                Unit::Pieces
            }
            Kind::Tobacco => Unit::Grams,
            Kind::Perfume => Unit::Millilitres,
            _ => Unit::Pieces,
        }
    }
}

/// A unit of quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Litres (`litres`).
    Litres,
    /// Pieces (`count`).
    Pieces,
    /// Grams (`grams`).
    Grams,
    /// Millilitres (`ml`).
    Millilitres,
    /// Kilograms (`weight_kg`).
    Kilograms,
}

impl Unit {
    /// The catalogue term for this unit.
    pub fn term(self) -> &'static str {
        match self {
            Unit::Litres => "unit-litres",
            Unit::Pieces => "unit-pieces",
            Unit::Grams => "unit-grams",
            Unit::Millilitres => "unit-ml",
            Unit::Kilograms => "unit-kg",
        }
    }
}

/// How the traveller arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Commercial flight.
    Air,
    /// Commercial sea passage.
    Sea,
    /// Train.
    Rail,
    /// River or inland waterway.
    River,
    /// Car, bus or on foot.
    Road,
    /// Private aircraft.
    PrivateAir,
    /// Private boat.
    PrivateSea,
}

impl Mode {
    /// Every mode.
    pub const ALL: [Mode; 7] = [
        Mode::Air,
        Mode::Sea,
        Mode::Rail,
        Mode::River,
        Mode::Road,
        Mode::PrivateAir,
        Mode::PrivateSea,
    ];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Air => "air",
            Mode::Sea => "sea",
            Mode::Rail => "rail",
            Mode::River => "river",
            Mode::Road => "road",
            Mode::PrivateAir => "private_air",
            Mode::PrivateSea => "private_sea",
        }
    }

    /// Parses a file name of a mode.
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The catalogue term for this mode.
    pub fn term(self) -> String {
        format!("mode-{}", self.as_str().replace('_', "-"))
    }
}

/// A type of spirit, optional on `spirits` items, for packs with per-type rates (JP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Spirit {
    /// Whisky.
    Whisky,
    /// Brandy.
    Brandy,
    /// Rum.
    Rum,
    /// Gin.
    Gin,
    /// Vodka.
    Vodka,
    /// Liqueur.
    Liqueur,
    /// Another distilled drink.
    Other,
}

impl Spirit {
    /// Every spirit type.
    pub const ALL: [Spirit; 7] = [
        Spirit::Whisky,
        Spirit::Brandy,
        Spirit::Rum,
        Spirit::Gin,
        Spirit::Vodka,
        Spirit::Liqueur,
        Spirit::Other,
    ];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Spirit::Whisky => "whisky",
            Spirit::Brandy => "brandy",
            Spirit::Rum => "rum",
            Spirit::Gin => "gin",
            Spirit::Vodka => "vodka",
            Spirit::Liqueur => "liqueur",
            Spirit::Other => "other",
        }
    }

    /// Parses a file name of a spirit type.
    pub fn parse(s: &str) -> Option<Spirit> {
        Spirit::ALL.into_iter().find(|m| m.as_str() == s)
    }
}
