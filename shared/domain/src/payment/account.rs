//! Accounts and parties of a payment.

use serde::{Deserialize, Serialize};

use super::{optional_text, required_text, Bic, Field, Iban, PaymentError, MAX_NAME_CHARS};

/// Most characters of a national account number (ISO 20022 `Othr/Id`, `Max34Text`).
pub const MAX_ACCOUNT_CHARS: usize = 34;

/// Most characters of a national bank code (ISO 20022 `ClrSysMmbId/MmbId`, `Max35Text`).
pub const MAX_BANK_CODE_CHARS: usize = 35;

/// Where money is paid from or to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Account {
    /// An IBAN, with the bank's BIC when known.
    Iban {
        /// The account.
        iban: Iban,
        /// The bank, when known (optional within the EEA).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bic: Option<Bic>,
    },
    /// A national account number with its bank code (e.g. an Uzbek 20-digit account and
    /// the bank's 5-digit MFO), as given by the payee; not checked beyond length.
    National {
        /// The account number.
        number: String,
        /// The bank code, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bank_code: Option<String>,
    },
}

impl Account {
    /// Checks the free-text parts of a national account (an IBAN is valid by type).
    pub fn validate(&self) -> Result<(), PaymentError> {
        match self {
            Account::Iban { .. } => Ok(()),
            Account::National { number, bank_code } => {
                required_text(Field::AccountNumber, number, MAX_ACCOUNT_CHARS)?;
                optional_text(Field::BankCode, bank_code.as_deref(), MAX_BANK_CODE_CHARS)?;
                Ok(())
            }
        }
    }
}

/// A payer or payee with a known account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The account holder's name (at most 140 characters).
    pub name: String,
    /// The account.
    pub account: Account,
}

impl Party {
    /// A party with an IBAN account.
    pub fn with_iban(name: impl Into<String>, iban: Iban, bic: Option<Bic>) -> Self {
        Self {
            name: name.into(),
            account: Account::Iban { iban, bic },
        }
    }

    /// Checks the name (as `field`) and the account.
    pub(crate) fn validate(&self, field: Field) -> Result<(), PaymentError> {
        required_text(field, &self.name, MAX_NAME_CHARS)?;
        self.account.validate()
    }
}
