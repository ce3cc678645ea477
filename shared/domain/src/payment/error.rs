//! Why a payment input or export was refused, in English for logs and as a [`Message`].

use std::fmt;

use crate::currency::Currency;
use crate::message::Message;
use crate::money::Money;

use super::draft::PaymentStatus;

/// A text field of a payment input, named in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The beneficiary's name on an EPC QR code (line 6).
    BeneficiaryName,
    /// The payee's (creditor's) name.
    PayeeName,
    /// The payer's (debtor's) name.
    PayerName,
    /// The initiating party of a pain.001 message.
    InitiatingParty,
    /// Unstructured remittance information: the payment's purpose text.
    Remittance,
    /// Beneficiary-to-originator information on an EPC QR code (line 12).
    Information,
    /// The pain.001 message id (`MsgId`).
    MessageId,
    /// The pain.001 payment information id (`PmtInfId`).
    PaymentInfoId,
    /// The pain.001 end-to-end id (`EndToEndId`).
    EndToEndId,
    /// A national (non-IBAN) account number.
    AccountNumber,
    /// A national bank code (e.g. the Uzbek MFO).
    BankCode,
}

impl Field {
    /// The catalogue id naming the field.
    pub fn term_id(self) -> &'static str {
        match self {
            Field::BeneficiaryName => "payment-field-beneficiary-name",
            Field::PayeeName => "payment-field-payee-name",
            Field::PayerName => "payment-field-payer-name",
            Field::InitiatingParty => "payment-field-initiating-party",
            Field::Remittance => "payment-field-remittance",
            Field::Information => "payment-field-information",
            Field::MessageId => "payment-field-message-id",
            Field::PaymentInfoId => "payment-field-payment-info-id",
            Field::EndToEndId => "payment-field-end-to-end-id",
            Field::AccountNumber => "payment-field-account-number",
            Field::BankCode => "payment-field-bank-code",
        }
    }

    fn english(self) -> &'static str {
        match self {
            Field::BeneficiaryName => "beneficiary name",
            Field::PayeeName => "payee name",
            Field::PayerName => "payer name",
            Field::InitiatingParty => "initiating party",
            Field::Remittance => "remittance text",
            Field::Information => "beneficiary-to-originator information",
            Field::MessageId => "message id",
            Field::PaymentInfoId => "payment information id",
            Field::EndToEndId => "end-to-end id",
            Field::AccountNumber => "account number",
            Field::BankCode => "bank code",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// Why a payment input was refused or an export is not possible.
///
/// The English text is for logs; users see [`PaymentError::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// The creditor reference is blank.
    #[error("the creditor reference is empty")]
    RfEmpty,
    /// The creditor reference does not start with `RF`.
    #[error("a creditor reference starts with RF")]
    RfPrefix,
    /// `RF` is not followed by two check digits.
    #[error("RF must be followed by two check digits")]
    RfCheckDigits,
    /// A character other than A–Z, a–z, 0–9 or a space.
    #[error("`{character}` at position {position} is not a letter A-Z or a digit")]
    RfCharacter {
        /// The character.
        character: char,
        /// Its 1-based position in the text as given.
        position: usize,
    },
    /// The reference part (after `RF` and the check digits) is empty or longer than 21.
    #[error("the reference part has {length} characters; it must have 1 to 21")]
    RfLength {
        /// Its length.
        length: usize,
    },
    /// The check digits do not match the reference part.
    #[error("the RF check digits do not match the reference")]
    RfChecksum,

    /// The IBAN is blank.
    #[error("the IBAN is empty")]
    IbanEmpty,
    /// The IBAN does not start with two letters.
    #[error("an IBAN starts with a two-letter country code, not `{value}`")]
    IbanCountry {
        /// The first characters as given.
        value: String,
    },
    /// The country is not in the IBAN length table.
    #[error("IBANs of {country} are not in the country table")]
    IbanUnknownCountry {
        /// The two-letter country code.
        country: String,
    },
    /// Characters 3 and 4 are not digits.
    #[error("the third and fourth characters of an IBAN are check digits")]
    IbanCheckDigits,
    /// A character other than A–Z, a–z, 0–9 or a space.
    #[error("`{character}` at position {position} is not a letter A-Z or a digit")]
    IbanCharacter {
        /// The character.
        character: char,
        /// Its 1-based position in the text as given.
        position: usize,
    },
    /// The length does not match the country's.
    #[error("an IBAN of {country} has {expected} characters, not {length}")]
    IbanLength {
        /// The two-letter country code.
        country: String,
        /// The length found (spaces not counted).
        length: usize,
        /// The country's IBAN length.
        expected: usize,
    },
    /// The mod-97 check fails.
    #[error("the IBAN check digits do not match")]
    IbanChecksum,

    /// A BIC has 8 or 11 characters.
    #[error("a BIC has 8 or 11 characters, not {length}")]
    BicLength {
        /// The length found.
        length: usize,
    },
    /// A character other than A–Z, a–z or 0–9.
    #[error("`{character}` at position {position} of the BIC is not a letter A-Z or a digit")]
    BicCharacter {
        /// The character.
        character: char,
        /// Its 1-based position.
        position: usize,
    },
    /// Characters 5 and 6 of a BIC are not letters.
    #[error("characters 5 and 6 of a BIC are a country code (two letters)")]
    BicCountry,

    /// Not an ISO 20022 purpose code.
    #[error("`{value}` is not a purpose code (four letters)")]
    PurposeCode {
        /// The text as given (cut to 16 characters).
        value: String,
    },

    /// A required field is blank.
    #[error("{field} is required")]
    Required {
        /// The field.
        field: Field,
    },
    /// A field is too long.
    #[error("{field} is {length} characters long; the limit is {max}")]
    TooLong {
        /// The field.
        field: Field,
        /// Its length in characters.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A field contains a line break or another control character.
    #[error("{field} must not contain line breaks or control characters")]
    ControlCharacter {
        /// The field.
        field: Field,
    },

    /// The amount is below the smallest payable amount.
    #[error("the amount must be at least {min}")]
    AmountTooSmall {
        /// The smallest amount (one minor unit).
        min: Money,
    },
    /// The amount is above the format's limit.
    #[error("the amount must be at most {max}")]
    AmountTooLarge {
        /// The largest amount.
        max: Money,
    },
    /// The amount has more decimal places than the currency's minor units.
    #[error("the amount has more than {places} decimal places for {currency}")]
    AmountTooPrecise {
        /// Decimal places allowed.
        places: u32,
        /// The currency.
        currency: Currency,
    },

    /// EPC QR codes are for euro only.
    #[error("an EPC QR code is for euro payments only, not {currency}")]
    NotEuro {
        /// The currency given.
        currency: Currency,
    },
    /// Both a structured RF reference and unstructured remittance text were given.
    #[error("give either a structured RF reference or remittance text, not both")]
    BothRemittances,
    /// EPC QR version 001 needs the BIC.
    #[error("EPC QR version 001 needs the beneficiary bank's BIC")]
    BicRequired,
    /// The EPC QR payload exceeds 331 bytes.
    #[error("the EPC QR payload is {bytes} bytes; the limit is {max}")]
    PayloadTooLarge {
        /// The payload's size in bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// The payee's account is given by customs at filing, so it cannot be exported yet.
    #[error("the payee is given by customs at filing; this export needs the payee's account")]
    PayeeGivenAtFiling,
    /// The export needs an IBAN, but the payee has a national account.
    #[error("an EPC QR code needs the payee's IBAN")]
    PayeeNotIban,
    /// A pain.001 message without transfers.
    #[error("a credit transfer message needs at least one transfer")]
    NoTransfers,
    /// The creation time is after year 9999.
    #[error("the creation time {millis} ms is out of range")]
    Timestamp {
        /// The time given, UTC milliseconds.
        millis: u64,
    },
    /// A status may only move forward (draft → submitted → paid).
    #[error("a payment that is {from:?} cannot go back to {to:?}")]
    StatusBackward {
        /// The current status.
        from: PaymentStatus,
        /// The status asked for.
        to: PaymentStatus,
    },
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl PaymentError {
    /// The reason as a translatable message.
    pub fn message(&self) -> Message {
        use PaymentError as E;
        match self {
            E::RfEmpty => Message::new("input-rf-empty"),
            E::RfPrefix => Message::new("input-rf-prefix"),
            E::RfCheckDigits => Message::new("input-rf-check-digits"),
            E::RfCharacter {
                character,
                position,
            } => Message::new("input-rf-character")
                .text("character", character.to_string())
                .int("position", int(*position)),
            E::RfLength { length } => Message::new("input-rf-length")
                .int("length", int(*length))
                .int("max", int(super::rf::RF_MAX_BASE_CHARS)),
            E::RfChecksum => Message::new("input-rf-checksum"),
            E::IbanEmpty => Message::new("input-iban-empty"),
            E::IbanCountry { value } => Message::new("input-iban-country").text("value", value),
            E::IbanUnknownCountry { country } => {
                Message::new("input-iban-unknown-country").text("country", country)
            }
            E::IbanCheckDigits => Message::new("input-iban-check-digits"),
            E::IbanCharacter {
                character,
                position,
            } => Message::new("input-iban-character")
                .text("character", character.to_string())
                .int("position", int(*position)),
            E::IbanLength {
                country,
                length,
                expected,
            } => Message::new("input-iban-length")
                .text("country", country)
                .int("length", int(*length))
                .int("expected", int(*expected)),
            E::IbanChecksum => Message::new("input-iban-checksum"),
            E::BicLength { length } => Message::new("input-bic-length").int("length", int(*length)),
            E::BicCharacter {
                character,
                position,
            } => Message::new("input-bic-character")
                .text("character", character.to_string())
                .int("position", int(*position)),
            E::BicCountry => Message::new("input-bic-country"),
            E::PurposeCode { value } => Message::new("input-purpose-code").text("value", value),
            E::Required { field } => {
                Message::new("input-payment-required").term("field", field.term_id())
            }
            E::TooLong { field, length, max } => Message::new("input-payment-too-long")
                .term("field", field.term_id())
                .int("length", int(*length))
                .int("max", int(*max)),
            E::ControlCharacter { field } => {
                Message::new("input-payment-control-chars").term("field", field.term_id())
            }
            E::AmountTooSmall { min } => Message::new("input-payment-amount-too-small").money(
                "min",
                min.amount,
                min.currency,
            ),
            E::AmountTooLarge { max } => Message::new("input-payment-amount-too-large").money(
                "max",
                max.amount,
                max.currency,
            ),
            E::AmountTooPrecise { places, currency } => {
                Message::new("input-payment-amount-too-precise")
                    .int("places", i64::from(*places))
                    .text("currency", currency.code())
            }
            E::NotEuro { currency } => {
                Message::new("input-payment-not-euro").text("currency", currency.code())
            }
            E::BothRemittances => Message::new("input-payment-both-remittances"),
            E::BicRequired => Message::new("input-payment-bic-required"),
            E::PayloadTooLarge { bytes, max } => Message::new("input-payment-qr-too-large")
                .int("bytes", int(*bytes))
                .int("max", int(*max)),
            E::PayeeGivenAtFiling => Message::new("input-payment-payee-at-filing"),
            E::PayeeNotIban => Message::new("input-payment-payee-not-iban"),
            E::NoTransfers => Message::new("input-payment-no-transfers"),
            E::Timestamp { millis } => Message::new("input-payment-timestamp")
                .int("millis", i64::try_from(*millis).unwrap_or(i64::MAX)),
            E::StatusBackward { from, to } => Message::new("input-payment-status-backward")
                .term("from", from.term_id())
                .term("to", to.term_id()),
        }
    }
}
