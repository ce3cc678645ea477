//! What differs per document kind: its type, its checks before signing, its readable lines,
//! the amount it makes due, and its PDF. Everything else about documents is kind-blind.

use karvon_domain::declare::PassengerDeclaration;
use karvon_domain::document::{DocKind, SignedDocument, Signer};
use karvon_domain::money::Money;
use karvon_domain::payment::PaymentDraft;
use karvon_domain::postal::{validate_cn22, validate_cn23, Cn22, Cn23, Outcome};
use karvon_domain::trade::TradeFiling;
use karvon_domain::{InputError, Message};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::documents::json_error;
use crate::{Error, Karvon};

/// Reads JSON as `T`, naming the path of the first thing that does not fit.
pub(crate) fn typed<T: DeserializeOwned>(body: &Value) -> Result<T, Error> {
    // Straight from the tree: no text round trip, and one (smaller) copy of each document
    // type's reader in the library instead of one that also parses JSON text.
    serde_path_to_error::deserialize(body).map_err(|e| {
        Error::Input(InputError::new(
            e.path().to_string(),
            Message::new("input-invalid-document").text("detail", e.inner().to_string()),
        ))
    })
}

fn normal<T: Serialize>(doc: &T) -> Result<Value, Error> {
    serde_json::to_value(doc).map_err(json_error)
}

/// Checks JSON against the kind's type and returns it in its normal form.
pub(crate) fn check(kind: DocKind, body: &Value) -> Result<Value, Error> {
    match kind {
        DocKind::Passenger => normal(&typed::<PassengerDeclaration>(body)?),
        DocKind::Cn22 => normal(&typed::<Cn22>(body)?),
        DocKind::Cn23 => normal(&typed::<Cn23>(body)?),
        DocKind::Trade => normal(&typed::<TradeFiling>(body)?),
        DocKind::Payment => {
            let p = typed::<PaymentDraft>(body)?;
            p.validate().map_err(|e| Error::Document(e.message()))?;
            normal(&p)
        }
    }
}

/// Refuses to sign what is not fit to file: every problem is reported at once.
pub(crate) fn ready_to_sign(k: &Karvon, kind: DocKind, body: &Value) -> Result<(), Error> {
    let errors = match kind {
        DocKind::Cn22 => {
            let v = validate_cn22(&typed::<Cn22>(body)?, &k.sdr_rates()?);
            (v.outcome == Outcome::Invalid).then_some(v.errors)
        }
        DocKind::Cn23 => {
            let v = validate_cn23(&typed::<Cn23>(body)?, &k.sdr_rates()?);
            (v.outcome == Outcome::Invalid).then_some(v.errors)
        }
        DocKind::Trade => {
            let t = typed::<TradeFiling>(body)?;
            let errors = t.declaration.validate();
            (!errors.is_empty()).then_some(errors)
        }
        DocKind::Passenger | DocKind::Payment => None,
    };
    match errors {
        Some(list) => Err(Error::Invalid(list)),
        None => Ok(()),
    }
}

/// Signs the document's canonical bytes.
pub(crate) fn sign(
    signer: &Signer,
    kind: DocKind,
    body: &Value,
    now_ms: i64,
) -> Result<SignedDocument, Error> {
    let signed = match kind {
        DocKind::Passenger => signer.sign(kind, &typed::<PassengerDeclaration>(body)?, now_ms),
        DocKind::Cn22 => signer.sign(kind, &typed::<Cn22>(body)?, now_ms),
        DocKind::Cn23 => signer.sign(kind, &typed::<Cn23>(body)?, now_ms),
        DocKind::Trade => signer.sign(kind, &typed::<TradeFiling>(body)?, now_ms),
        DocKind::Payment => signer.sign(kind, &typed::<PaymentDraft>(body)?, now_ms),
    };
    signed.map_err(|e| Error::Document(e.message()))
}

/// Reads the body of a verified document: as JSON and as readable lines.
pub(crate) fn open(signed: &SignedDocument) -> Result<(Value, Vec<Message>), Error> {
    let bad = |e: karvon_domain::document::DocumentError| Error::Document(e.message());
    match signed.kind {
        DocKind::Passenger => {
            let d: PassengerDeclaration = signed.decode_body().map_err(bad)?;
            Ok((normal(&d)?, d.text_lines()))
        }
        DocKind::Cn22 => {
            let d: Cn22 = signed.decode_body().map_err(bad)?;
            Ok((normal(&d)?, d.text_lines()))
        }
        DocKind::Cn23 => {
            let d: Cn23 = signed.decode_body().map_err(bad)?;
            Ok((normal(&d)?, d.text_lines()))
        }
        DocKind::Trade => {
            let d: TradeFiling = signed.decode_body().map_err(bad)?;
            Ok((normal(&d)?, d.text_lines()))
        }
        DocKind::Payment => {
            let d: PaymentDraft = signed.decode_body().map_err(bad)?;
            Ok((normal(&d)?, d.text_lines()))
        }
    }
}

/// The document's readable lines.
pub(crate) fn lines(kind: DocKind, body: &Value) -> Result<Vec<Message>, Error> {
    Ok(match kind {
        DocKind::Passenger => typed::<PassengerDeclaration>(body)?.text_lines(),
        DocKind::Cn22 => typed::<Cn22>(body)?.text_lines(),
        DocKind::Cn23 => typed::<Cn23>(body)?.text_lines(),
        DocKind::Trade => typed::<TradeFiling>(body)?.text_lines(),
        DocKind::Payment => typed::<PaymentDraft>(body)?.text_lines(),
    })
}

/// What the document makes due, if anything: the total charges of a declaration.
pub(crate) fn amount_due(kind: DocKind, body: &Value) -> Result<Option<Money>, Error> {
    Ok(match kind {
        DocKind::Passenger => {
            let d = typed::<PassengerDeclaration>(body)?;
            Some(Money::new(d.totals.total, d.currency))
        }
        DocKind::Trade => {
            let t = typed::<TradeFiling>(body)?;
            Some(t.total_due())
        }
        DocKind::Cn22 | DocKind::Cn23 | DocKind::Payment => None,
    }
    .filter(|m| m.amount > rust_decimal::Decimal::ZERO))
}
