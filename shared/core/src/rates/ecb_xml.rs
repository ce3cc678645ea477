//! ECB reference rates as XML: a `gesmes:Envelope` whose outer `Cube` holds one `Cube time=`
//! per day (one in the daily file, thousands in the history files), each holding
//! `Cube currency= rate=` (units of currency per 1 EUR).
//!
//! Places in errors count `Cube` siblings from 1 under the outer `Cube`: `Cube[2]/Cube[5]@rate`.

use std::collections::{BTreeSet, HashSet};

use karvon_domain::fx::RateSource;
use karvon_domain::{Arg, Message};
use roxmltree::{Document, Node};

use super::feed::{self, bad_value, Feed, FeedRate, FeedTable};
use super::Quote;
use crate::Error;

/// Parses an ECB XML file.
pub(super) fn parse(file: &str, text: &str) -> Result<Feed, Error> {
    let eur = super::iso("EUR");
    let doc = Document::parse(text).map_err(|e| {
        let (row, col) = match e {
            // roxmltree places these at 1:1; the file ends early, so point at its end.
            roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => {
                let last = text.rsplit('\n').next().unwrap_or_default();
                (text.matches('\n').count() + 1, last.chars().count() + 1)
            }
            _ => {
                let pos = e.pos();
                (pos.row as usize, pos.col as usize)
            }
        };
        Error::feed(
            file,
            format!("line {row}, column {col}"),
            Message::new("rates-syntax").text("detail", e.to_string()),
        )
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "Envelope" {
        return Err(Error::feed(
            file,
            format!("<{}>", root.tag_name().name()),
            Message::new("rates-unknown-format"),
        ));
    }
    let Some(outer) = cubes(root).next() else {
        return Err(Error::feed(file, "Cube", Message::new("rates-no-rates")));
    };
    let mut tables = Vec::new();
    let mut skipped = BTreeSet::new();
    let mut dates = HashSet::new();
    for (i, day) in cubes(outer).enumerate() {
        let day_at = format!("Cube[{}]", i + 1);
        let time = day.attribute("time").unwrap_or_default();
        let valid_on = feed::date(time).ok_or_else(|| {
            Error::feed(
                file,
                format!("{day_at}@time"),
                bad_value("rates-date", time),
            )
        })?;
        if !dates.insert(valid_on) {
            return Err(Error::feed(
                file,
                format!("{day_at}@time"),
                Message::new("rates-duplicate-date").arg("date", Arg::Date { value: valid_on }),
            ));
        }
        let mut rates: Vec<FeedRate> = Vec::new();
        for (j, cube) in cubes(day).enumerate() {
            let at = |attr: &str| format!("{day_at}/Cube[{}]@{attr}", j + 1);
            let attr = |name: &str| {
                cube.attribute(name)
                    .ok_or_else(|| Error::feed(file, at(name), Message::new("rates-missing")))
            };
            let code = attr("currency")?;
            let rate_text = attr("rate")?;
            let currency =
                feed::code(code, eur).map_err(|m| Error::feed(file, at("currency"), m))?;
            let rate = feed::positive(rate_text).map_err(|m| Error::feed(file, at("rate"), m))?;
            let Some(currency) = currency else {
                skipped.insert(code.to_owned());
                continue;
            };
            if rates.iter().any(|r| r.currency == currency) {
                return Err(Error::feed(
                    file,
                    at("currency"),
                    Message::new("rates-duplicate-currency")
                        .text("code", code)
                        .arg("date", Arg::Date { value: valid_on }),
                ));
            }
            let per_unit = feed::inverse(rate).ok_or_else(|| {
                Error::feed(file, at("rate"), bad_value("rates-out-of-range", rate_text))
            })?;
            rates.push(FeedRate {
                currency,
                published: rate_text.to_owned(),
                nominal: rust_decimal::Decimal::ONE,
                per_unit,
            });
        }
        if !rates.is_empty() {
            tables.push(FeedTable { valid_on, rates });
        }
    }
    Ok(Feed {
        source: RateSource::Ecb,
        base: eur,
        quote: Quote::CurrencyPerBase,
        tables,
        skipped,
    })
}

/// The `Cube` element children of a node, whatever their namespace.
fn cubes<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(|n| n.is_element() && n.tag_name().name() == "Cube")
}
