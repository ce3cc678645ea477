//! The CN 22 and CN 23 forms as plain data, numbered as the printed forms number them.
//!
//! Field numbers follow the team reference (`trader-and-payments.md` §1.2 for CN 22, §1.3 for
//! CN 23). The values are kept as given; [`super::validate_cn22`] and [`super::validate_cn23`]
//! judge them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::money::Money;

/// Category of item: CN 22 "Category of item", CN 23 box 10 (tick one or more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Gift. Not acceptable for commercial items (2018 CN 22 instructions).
    Gift,
    /// Documents.
    Documents,
    /// Commercial sample.
    CommercialSample,
    /// Returned goods.
    ReturnedGoods,
    /// Sale of goods.
    SaleOfGoods,
    /// Other: needs an explanation.
    Other,
}

impl Category {
    /// Every category, in the order the CN 23 prints them after "Gift".
    pub const ALL: [Category; 6] = [
        Category::Gift,
        Category::Documents,
        Category::CommercialSample,
        Category::ReturnedGoods,
        Category::SaleOfGoods,
        Category::Other,
    ];

    /// The JSON code, e.g. `sale_of_goods`.
    pub fn code(self) -> &'static str {
        match self {
            Category::Gift => "gift",
            Category::Documents => "documents",
            Category::CommercialSample => "commercial_sample",
            Category::ReturnedGoods => "returned_goods",
            Category::SaleOfGoods => "sale_of_goods",
            Category::Other => "other",
        }
    }

    /// The category with this JSON code.
    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The catalogue term that names the category, e.g. `postal-category-sale-of-goods`.
    pub fn term(self) -> &'static str {
        match self {
            Category::Gift => "postal-category-gift",
            Category::Documents => "postal-category-documents",
            Category::CommercialSample => "postal-category-commercial-sample",
            Category::ReturnedGoods => "postal-category-returned-goods",
            Category::SaleOfGoods => "postal-category-sale-of-goods",
            Category::Other => "postal-category-other",
        }
    }

    /// Whether items of this category are commercial items (goods in the course of a business
    /// transaction, sold or not): sale of goods, commercial sample and returned goods.
    pub fn is_commercial(self) -> bool {
        matches!(
            self,
            Category::SaleOfGoods | Category::CommercialSample | Category::ReturnedGoods
        )
    }
}

/// A sender ("From") or addressee ("To") block.
///
/// On a CN 23 these are printed on the form. On a CN 22 they are written on the front of the item
/// instead (reference §1.2); Karvon keeps them with the declaration for the address label and the
/// electronic (ITMATT) data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Full name.
    pub name: String,
    /// Business name, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<String>,
    /// Street address.
    pub street: String,
    /// Postcode (not every country has them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// City.
    pub city: String,
    /// Country, ISO 3166-1 alpha-2 (`UZ`).
    pub country: String,
    /// Telephone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address (CN 23 "Importer/addressee fax/e-mail").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Sender's customs reference, or the importer/addressee reference (tax code, VAT number,
    /// importer code), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// One contents line (one kind of article).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentLine {
    /// Detailed description (CN 22 box 1, CN 23 box 1), e.g. "men's cotton shirts".
    pub description: String,
    /// Quantity (CN 22 box 1, CN 23 box 2).
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    /// Unit of measurement of the quantity, e.g. `pcs`, `pairs` (Hong Kong Post's CN 23 guide).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Net weight in kilograms of the line (CN 22 box 2, CN 23 box 3).
    #[serde(with = "rust_decimal::serde::str")]
    pub net_weight_kg: Decimal,
    /// Value of the line with its currency (CN 22 box 3, CN 23 box 5).
    pub value: Money,
    /// HS tariff number, 6 to 10 digits (CN 22 box 4, CN 23 box 7); for commercial items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// Country of origin of the goods, ISO 3166-1 alpha-2 (CN 22 box 5, CN 23 box 8): where they
    /// were produced, manufactured or assembled; for commercial items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// How a CN 23 item returns to the sender when it cannot be delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// By priority (air).
    Priority,
    /// By non-priority (surface).
    NonPriority,
}

impl Route {
    /// The JSON code.
    pub fn code(self) -> &'static str {
        match self {
            Route::Priority => "priority",
            Route::NonPriority => "non_priority",
        }
    }
}

/// CN 23 instructions in case of non-delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum NonDelivery {
    /// Return to sender, by the given route (the operator's default when absent).
    Return {
        /// Priority or non-priority.
        #[serde(skip_serializing_if = "Option::is_none")]
        route: Option<Route>,
    },
    /// Treat as abandoned.
    Abandon,
}

/// A CN 22 customs declaration (letter-post items up to 300 SDR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cn22 {
    /// Designated operator named in the header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// UPU S10 item number (barcode), if any, e.g. `RR123456785UZ`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Sender (written on the item).
    pub sender: Party,
    /// Addressee (written on the item).
    pub addressee: Party,
    /// Category of item: one or more boxes ticked.
    pub categories: Vec<Category>,
    /// Explanation of the category; required when "other" is ticked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Contents (boxes 1 to 5), one line per kind of article.
    pub contents: Vec<ContentLine>,
    /// Box 6: total (gross) weight in kilograms.
    #[serde(with = "rust_decimal::serde::str")]
    pub total_weight_kg: Decimal,
    /// Box 7: total value with currency.
    pub total_value: Money,
    /// Box 8: date of the sender's signature.
    pub signed_on: Date,
}

/// A CN 23 customs declaration (parcels, and letter-post items above 300 SDR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cn23 {
    /// Designated operator named in the header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// "No. of item": UPU S10 item number (barcode), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// "From".
    pub sender: Party,
    /// "To".
    pub addressee: Party,
    /// Box 10: category of item, one or more ticked.
    pub categories: Vec<Category>,
    /// Box 10 "Explanation"; required when "other" is ticked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Boxes 1, 2, 3, 5, 7 and 8, one line per kind of article.
    pub contents: Vec<ContentLine>,
    /// Box 4: total gross weight in kilograms.
    #[serde(with = "rust_decimal::serde::str")]
    pub total_weight_kg: Decimal,
    /// Box 6: total value with currency.
    pub total_value: Money,
    /// Box 9: postal charges and fees (postage plus other charges such as insurance).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_charges: Option<Money>,
    /// Box 11: comments, e.g. goods subject to quarantine, sanitary or phytosanitary inspection or
    /// other restrictions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    /// Box 12: numbers of the licences attached (empty: box not ticked).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licences: Vec<String>,
    /// Box 13: numbers of the certificates attached (empty: box not ticked).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<String>,
    /// Box 14: number of the invoice attached (absent: box not ticked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice: Option<String>,
    /// Office of origin (filled by the post).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office_of_origin: Option<String>,
    /// Date of posting (filled by the post).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_of_posting: Option<Date>,
    /// Instructions in case of non-delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_delivery: Option<NonDelivery>,
    /// Box 15: date of the sender's signature.
    pub signed_on: Date,
}

/// Either form, tagged by `"form": "cn22"` or `"form": "cn23"` when serialized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "lowercase")]
pub enum Declaration {
    /// A CN 22.
    Cn22(Cn22),
    /// A CN 23.
    Cn23(Cn23),
}
