//! E-payment drafts as data: creditor references, IBAN checks and the export formats.
