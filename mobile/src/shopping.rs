//! Purchases, receipts, live status, what-if and alerts; exchange rates and the HS nomenclature.

use std::path::PathBuf;

use karvon_core::Karvon;

use crate::background::background;
use crate::input::{currency, date, decimal};
use crate::records::{
    Alert, HsEntry, HsHit, HsImport, Purchase, PurchaseAdded, RateTable, RatesImport, Receipt,
    TripStatus, WhatIf,
};
use crate::{ApiError, KarvonApi, PurchaseInput};

/// Most HS search hits returned at once.
const MAX_HS_HITS: u32 = 200;

#[uniffi::export]
impl KarvonApi {
    /// Saves a purchase; the alerts it raises are returned (and sent to the listener).
    pub fn add_purchase(&self, input: PurchaseInput) -> Result<PurchaseAdded, ApiError> {
        self.show(
            |k| k.add_purchase(&input.to_core()?),
            |c, b| PurchaseAdded {
                alerts: b.alerts.iter().map(|a| Alert::new(c, a)).collect(),
                purchase: Purchase::new(c, b.purchase),
            },
        )
    }

    /// Replaces a purchase's fields (alerts it raises go to the listener).
    pub fn edit_purchase(&self, id: String, input: PurchaseInput) -> Result<Purchase, ApiError> {
        self.show(|k| k.edit_purchase(&id, &input.to_core()?), Purchase::new)
    }

    /// One purchase by id or unique prefix.
    pub fn purchase(&self, id: String) -> Result<Purchase, ApiError> {
        self.show(|k| k.purchase(&id), Purchase::new)
    }

    /// The purchases of a trip.
    pub fn purchases(&self, trip: String) -> Result<Vec<Purchase>, ApiError> {
        self.show(
            |k| k.purchases(&trip),
            |c, l| l.into_iter().map(|p| Purchase::new(c, p)).collect(),
        )
    }

    /// Deletes a purchase (undo with `undo_delete`, whose alerts go to the listener).
    pub fn delete_purchase(&self, id: String) -> Result<(), ApiError> {
        self.run(|k| k.delete_purchase(&id))
    }

    /// Attaches a receipt (a photo or PDF the app saved at `file`) to a purchase.
    pub fn attach_receipt(&self, purchase: String, file: String) -> Result<Receipt, ApiError> {
        self.run(|k| k.attach_receipt(&purchase, &PathBuf::from(&file)))
            .map(Receipt::from)
    }

    /// The receipts of a purchase.
    pub fn receipts(&self, purchase: String) -> Result<Vec<Receipt>, ApiError> {
        self.run(|k| k.receipts(&purchase))
            .map(|l| l.into_iter().map(Receipt::from).collect())
    }

    /// The content of a receipt.
    pub fn receipt_bytes(&self, id: String) -> Result<Vec<u8>, ApiError> {
        self.run(|k| k.receipt_bytes(&id))
    }

    /// The live status of a trip: allowances, projected duty and tax, channel, plan, rates,
    /// alerts.
    pub fn status(&self, trip: String) -> Result<TripStatus, ApiError> {
        let id = self.run(|k| k.resolve_id("trip", &trip))?;
        self.show(|k| k.status(&id), |c, s| TripStatus::new(c, &s))
    }

    /// What a purchase would change, without saving it.
    pub fn what_if(&self, input: PurchaseInput) -> Result<WhatIf, ApiError> {
        self.show(|k| k.what_if(&input.to_core()?), |c, w| WhatIf::new(c, &w))
    }

    /// The alerts of a trip: unacknowledged ones, or every one when `all`.
    pub fn alerts(&self, trip: String, all: bool) -> Result<Vec<Alert>, ApiError> {
        self.show(
            |k| k.alerts(&trip, all),
            |c, l| l.iter().map(|a| Alert::new(c, a)).collect(),
        )
    }

    /// Marks an alert as seen.
    pub fn acknowledge_alert(&self, id: String) -> Result<(), ApiError> {
        self.run(|k| k.acknowledge_alert(&id))
    }

    /// Adds a rate by hand: `per_unit` units of `base` per one `currency`, valid from
    /// `valid_on` (`YYYY-MM-DD`).
    pub fn add_rate(
        &self,
        base: String,
        currency: String,
        per_unit: String,
        valid_on: String,
    ) -> Result<(), ApiError> {
        self.run(|k| {
            k.add_manual_rate(
                self::currency("base", &base)?,
                self::currency("currency", &currency)?,
                decimal("per_unit", &per_unit)?,
                date("valid_on", &valid_on)?,
            )
        })
    }

    /// Every stored rate table, newest first.
    pub fn rate_tables(&self) -> Result<Vec<RateTable>, ApiError> {
        self.run(Karvon::rate_tables)
            .map(|l| l.into_iter().map(RateTable::from).collect())
    }

    /// Imports a rates feed (CBU JSON, ECB XML or CSV) the app downloaded to `file`; a
    /// malformed file saves nothing.
    pub async fn import_rates(&self, file: String) -> Result<RatesImport, ApiError> {
        let core = self.core.clone();
        background(move || core.import_rates(&PathBuf::from(file)))
            .await
            .map(RatesImport::from)
            .map_err(|e| self.fail(&e))
    }

    /// Imports the HS nomenclature CSV at `file` (replacing the stored one).
    pub async fn import_hs(&self, file: String) -> Result<HsImport, ApiError> {
        let core = self.core.clone();
        background(move || core.import_hs(&PathBuf::from(file)))
            .await
            .map(HsImport::from)
            .map_err(|e| self.fail(&e))
    }

    /// Searches the HS nomenclature by words or code (at most `limit` hits, up to 200).
    pub fn hs_search(&self, query: String, limit: u32) -> Result<Vec<HsHit>, ApiError> {
        let limit = limit.clamp(1, MAX_HS_HITS) as usize;
        self.run(|k| k.hs_search(&query, limit))
            .map(|l| l.into_iter().map(HsHit::from).collect())
    }

    /// One HS code with its chain and children, if it exists.
    pub fn hs_lookup(&self, code: String) -> Result<Option<HsEntry>, ApiError> {
        self.run(|k| k.hs_lookup(&code))
            .map(|e| e.map(HsEntry::from))
    }
}
