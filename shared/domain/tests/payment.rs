//! Payment drafts: RF references, IBANs, EPC QR payloads and pain.001 XML, with golden
//! outputs and every refusal's precise reason.

use std::collections::BTreeSet;

use karvon_domain::payment::{
    Account, Bic, CreditTransfer, CreditTransferInitiation, CreditorReference, EpcQr, EpcVersion,
    Field, Iban, Pain001Header, Party, Payee, PaymentDraft, PaymentError, PaymentStatus,
    PurposeCode,
};
use karvon_domain::{Currency, Date, Money};

fn eur(amount: &str) -> Money {
    Money::new(amount.parse().unwrap(), Currency::from_code("EUR").unwrap())
}

fn money(amount: &str, code: &str) -> Money {
    Money::new(amount.parse().unwrap(), Currency::from_code(code).unwrap())
}

fn iban(text: &str) -> Iban {
    Iban::parse(text).unwrap()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// UTC milliseconds of a date at a time of day.
fn utc_ms(day: &str, hour: u64, minute: u64, second: u64) -> u64 {
    let days = u64::try_from(date(day).days_since_epoch()).unwrap();
    ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000
}

// ---------------------------------------------------------------- ISO 11649 RF references

/// Check digits = 98 − ((reference part, then "RF00") mod 97), letters as A=10 … Z=35,
/// R = 27, F = 15, so "RF00" reads "271500". Worked by hand:
///
/// - `539007547034`: 539007547034271500 = 97 × 5556778835404860 + 80 → 98 − 80 = **18**
///   (the well-known `RF18 5390 0754 7034`).
/// - `1`: 1271500 = 97 × 13108 + 24 → 98 − 24 = **74** → `RF74 1`.
/// - `ABC123`: A B C = 10 11 12 → 101112123271500 = 97 × 1042393023417 + 51
///   → 98 − 51 = **47** → `RF47 ABC1 23`.
/// - `DECL2026001`: D E C L = 13 14 12 21 → 131412212026001271500
///   = 97 × 1354765072433002798 + 94 → 98 − 94 = **04** → `RF04 DECL 2026 001`.
#[test]
fn rf_check_digits_golden() {
    for (base, electronic, print) in [
        ("539007547034", "RF18539007547034", "RF18 5390 0754 7034"),
        ("1", "RF741", "RF74 1"),
        ("ABC123", "RF47ABC123", "RF47 ABC1 23"),
        ("DECL2026001", "RF04DECL2026001", "RF04 DECL 2026 001"),
        ("decl 2026 001", "RF04DECL2026001", "RF04 DECL 2026 001"),
    ] {
        let rf = CreditorReference::from_base(base).unwrap();
        assert_eq!(rf.as_str(), electronic, "{base}");
        assert_eq!(rf.to_string(), print, "{base}");
        assert_eq!(CreditorReference::parse(print).as_ref(), Ok(&rf));
        assert_eq!(CreditorReference::parse(electronic), Ok(rf));
    }
    // The hand sums above, checked with integer arithmetic.
    assert_eq!(539_007_547_034_271_500u128 % 97, 80);
    assert_eq!(1_271_500u128 % 97, 24);
    assert_eq!(101_112_123_271_500u128 % 97, 51);
    assert_eq!(131_412_212_026_001_271_500u128 % 97, 94);
}

#[test]
fn rf_refusals_are_precise() {
    let cases: [(&str, PaymentError); 7] = [
        ("", PaymentError::RfEmpty),
        ("XX18 5390", PaymentError::RfPrefix),
        ("RFAB5390", PaymentError::RfCheckDigits),
        ("RF18", PaymentError::RfLength { length: 0 }),
        (
            "RF18 5390 0754 703ä",
            PaymentError::RfCharacter {
                character: 'ä',
                position: 19,
            },
        ),
        (
            "RF18 1234 5678 9012 3456 7890 12",
            PaymentError::RfLength { length: 22 },
        ),
        ("RF81 5390 0754 7034", PaymentError::RfChecksum),
    ];
    for (text, err) in cases {
        assert_eq!(CreditorReference::parse(text), Err(err), "{text:?}");
    }
    assert_eq!(
        CreditorReference::from_base(""),
        Err(PaymentError::RfLength { length: 0 })
    );
    assert_eq!(
        CreditorReference::from_base("AB/1"),
        Err(PaymentError::RfCharacter {
            character: '/',
            position: 3
        })
    );
}

// ------------------------------------------------------------------------ IBAN and BIC

#[test]
fn iban_valid_samples() {
    for (text, electronic, country) in [
        (
            "DE89 3704 0044 0532 0130 00",
            "DE89370400440532013000",
            "DE",
        ),
        (
            "GB82 WEST 1234 5698 7654 32",
            "GB82WEST12345698765432",
            "GB",
        ),
        ("FI21 1234 5600 0007 85", "FI2112345600000785", "FI"),
        ("BE72 0000 0000 1616", "BE72000000001616", "BE"),
        ("NO93 8601 1117 947", "NO9386011117947", "NO"),
        ("gb82west12345698765432", "GB82WEST12345698765432", "GB"),
    ] {
        let iban = Iban::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!((iban.as_str(), iban.country()), (electronic, country));
    }
    assert_eq!(
        iban("GB82WEST12345698765432").to_string(),
        "GB82 WEST 1234 5698 7654 32"
    );
}

#[test]
fn iban_invalid_samples() {
    let cases: [(&str, PaymentError); 8] = [
        ("", PaymentError::IbanEmpty),
        ("DE88 3704 0044 0532 0130 00", PaymentError::IbanChecksum),
        ("GB82 WEST 1234 5698 7654 31", PaymentError::IbanChecksum),
        ("FI21 1234 5600 0007 86", PaymentError::IbanChecksum),
        (
            "FI21 1234 5600 0007 8",
            PaymentError::IbanLength {
                country: "FI".into(),
                length: 17,
                expected: 18,
            },
        ),
        (
            "UZ21 1234 5600 0007 85",
            PaymentError::IbanUnknownCountry {
                country: "UZ".into(),
            },
        ),
        ("DE8X", PaymentError::IbanCheckDigits),
        ("D289", PaymentError::IbanCountry { value: "D2".into() }),
    ];
    for (text, err) in cases {
        assert_eq!(Iban::parse(text), Err(err), "{text:?}");
    }
    // 00 would pass mod 97 exactly when 97 does; ISO 13616 check digits are 02 to 98.
    assert_eq!(
        Iban::parse("NO00 8601 1117 947"),
        Err(PaymentError::IbanChecksum)
    );
}

#[test]
fn bic_shape() {
    assert!(Bic::parse("COBADEFFXXX").is_ok());
    assert!(Bic::parse("BPOTBEB1").is_ok());
    assert_eq!(
        Bic::parse("COBADEFFXX"),
        Err(PaymentError::BicLength { length: 10 })
    );
    assert_eq!(Bic::parse("COBA12FF"), Err(PaymentError::BicCountry));
}

// ------------------------------------------------------------------------------ EPC QR

/// The EPC sample (reference §5.1), written by this crate with two decimals in the amount
/// and without the trailing empty line 12.
#[test]
fn epc_payload_golden_version_001() {
    let qr = EpcQr {
        version: EpcVersion::V001,
        bic: Some(Bic::parse("BPOTBEB1").unwrap()),
        amount: Some(eur("1")),
        purpose: Some(PurposeCode::parse("CHAR").unwrap()),
        remittance_text: Some("Urgency fund".into()),
        ..EpcQr::new("Red Cross of Belgium", iban("BE72000000001616"))
    };
    assert_eq!(
        qr.payload().unwrap(),
        "BCD\n001\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1.00\nCHAR\n\nUrgency fund"
    );
}

fn broker_draft() -> PaymentDraft {
    let payee = Party::with_iban(
        "Karvon Broker GmbH",
        iban("DE89 3704 0044 0532 0130 00"),
        Some(Bic::parse("COBADEFFXXX").unwrap()),
    );
    let mut draft = PaymentDraft::new(eur("123.45"), Payee::Known(payee)).unwrap();
    draft.reference = Some(CreditorReference::parse("RF18 5390 0754 7034").unwrap());
    draft.due_date = Some(date("2026-11-30"));
    draft.purpose = Some("Customs duty, declaration UZ-2026-0001".into());
    draft.purpose_code = Some(PurposeCode::parse("GOVT").unwrap());
    draft
}

#[test]
fn epc_payload_golden_from_draft() {
    // With an RF reference the purpose text stays out (line 10 XOR line 11).
    assert_eq!(
        broker_draft().epc_qr_payload(EpcVersion::V002).unwrap(),
        "BCD\n002\n1\nSCT\nCOBADEFFXXX\nKarvon Broker GmbH\nDE89370400440532013000\nEUR123.45\nGOVT\nRF18539007547034"
    );
    let mut draft = broker_draft();
    draft.reference = None;
    draft.purpose_code = None;
    assert_eq!(
        draft.epc_qr_payload(EpcVersion::V002).unwrap(),
        "BCD\n002\n1\nSCT\nCOBADEFFXXX\nKarvon Broker GmbH\nDE89370400440532013000\nEUR123.45\n\n\nCustoms duty, declaration UZ-2026-0001"
    );
}

fn qr() -> EpcQr {
    EpcQr {
        amount: Some(eur("10")),
        ..EpcQr::new("Karvon Broker GmbH", iban("DE89370400440532013000"))
    }
}

#[test]
fn epc_refusals_are_precise() {
    let zero = EpcQr {
        amount: Some(eur("0")),
        ..qr()
    };
    assert_eq!(
        zero.payload(),
        Err(PaymentError::AmountTooSmall { min: eur("0.01") })
    );
    let big = EpcQr {
        amount: Some(eur("1000000000")),
        ..qr()
    };
    assert_eq!(
        big.payload(),
        Err(PaymentError::AmountTooLarge {
            max: eur("999999999.99")
        })
    );
    assert!(EpcQr {
        amount: Some(eur("999999999.99")),
        ..qr()
    }
    .payload()
    .is_ok());
    let precise = EpcQr {
        amount: Some(eur("1.005")),
        ..qr()
    };
    assert_eq!(
        precise.payload(),
        Err(PaymentError::AmountTooPrecise {
            places: 2,
            currency: Currency::from_code("EUR").unwrap()
        })
    );
    let dollars = EpcQr {
        amount: Some(money("10", "USD")),
        ..qr()
    };
    assert_eq!(
        dollars.payload(),
        Err(PaymentError::NotEuro {
            currency: Currency::from_code("USD").unwrap()
        })
    );
    let long = EpcQr {
        remittance_text: Some("x".repeat(141)),
        ..qr()
    };
    assert_eq!(
        long.payload(),
        Err(PaymentError::TooLong {
            field: Field::Remittance,
            length: 141,
            max: 140
        })
    );
    assert!(EpcQr {
        remittance_text: Some("x".repeat(140)),
        ..qr()
    }
    .payload()
    .is_ok());
    let both = EpcQr {
        reference: Some(CreditorReference::from_base("539007547034").unwrap()),
        remittance_text: Some("Invoice 1".into()),
        ..qr()
    };
    assert_eq!(both.payload(), Err(PaymentError::BothRemittances));
    let v1 = EpcQr {
        version: EpcVersion::V001,
        ..qr()
    };
    assert_eq!(v1.payload(), Err(PaymentError::BicRequired));
    let name = EpcQr {
        beneficiary_name: "N".repeat(71),
        ..qr()
    };
    assert_eq!(
        name.payload(),
        Err(PaymentError::TooLong {
            field: Field::BeneficiaryName,
            length: 71,
            max: 70
        })
    );
    let blank = EpcQr {
        beneficiary_name: "  ".into(),
        ..qr()
    };
    assert_eq!(
        blank.payload(),
        Err(PaymentError::Required {
            field: Field::BeneficiaryName
        })
    );
    let newline = EpcQr {
        remittance_text: Some("line 1\nline 2".into()),
        ..qr()
    };
    assert_eq!(
        newline.payload(),
        Err(PaymentError::ControlCharacter {
            field: Field::Remittance
        })
    );
    let info = EpcQr {
        information: Some("i".repeat(71)),
        ..qr()
    };
    assert_eq!(
        info.payload(),
        Err(PaymentError::TooLong {
            field: Field::Information,
            length: 71,
            max: 70
        })
    );
}

/// Every field at its limit: 3+3+1+3+11+70+22+15+4+0+140+70 = 342 bytes and 11 LFs = 353.
#[test]
fn epc_payload_over_331_bytes_is_refused() {
    let full = EpcQr {
        bic: Some(Bic::parse("COBADEFFXXX").unwrap()),
        beneficiary_name: "N".repeat(70),
        amount: Some(eur("999999999.99")),
        purpose: Some(PurposeCode::parse("GOVT").unwrap()),
        remittance_text: Some("R".repeat(140)),
        information: Some("I".repeat(70)),
        ..qr()
    };
    assert_eq!(
        full.payload(),
        Err(PaymentError::PayloadTooLarge {
            bytes: 353,
            max: 331
        })
    );
    // Cyrillic is two bytes a character in UTF-8: a 70-character name is 140 bytes.
    let cyrillic = EpcQr {
        beneficiary_name: "Ж".repeat(70),
        remittance_text: Some("Ж".repeat(80)),
        ..qr()
    };
    let payload = cyrillic.payload().unwrap_err();
    assert!(
        matches!(payload, PaymentError::PayloadTooLarge { bytes, .. } if bytes > 331),
        "{payload:?}"
    );
}

#[test]
fn draft_epc_needs_euro_and_a_known_iban_payee() {
    let mut som = broker_draft();
    som.amount = money("1205000", "UZS");
    assert_eq!(
        som.epc_qr_payload(EpcVersion::V002),
        Err(PaymentError::NotEuro {
            currency: Currency::from_code("UZS").unwrap()
        })
    );
    let mut filing = broker_draft();
    filing.payee = Payee::GivenAtFiling;
    assert_eq!(
        filing.epc_qr_payload(EpcVersion::V002),
        Err(PaymentError::PayeeGivenAtFiling)
    );
    let mut national = broker_draft();
    national.payee = Payee::Known(Party {
        name: "Broker".into(),
        account: Account::National {
            number: "20208000900123456001".into(),
            bank_code: Some("00873".into()),
        },
    });
    assert_eq!(
        national.epc_qr_payload(EpcVersion::V002),
        Err(PaymentError::PayeeNotIban)
    );
    let mut long = broker_draft();
    long.reference = None;
    long.purpose = Some("p".repeat(141));
    assert_eq!(
        long.epc_qr_payload(EpcVersion::V002),
        Err(PaymentError::TooLong {
            field: Field::Remittance,
            length: 141,
            max: 140
        })
    );
}

// ---------------------------------------------------------------------------- pain.001

fn header() -> Pain001Header {
    Pain001Header {
        message_id: "DRAFT-2026-0001".into(),
        created_at_ms: utc_ms("2026-11-21", 10, 0, 0),
        payment_info_id: "PI-1".into(),
        end_to_end_id: "DECL-UZ-0001".into(),
        requested_execution_date: date("2026-11-23"),
        payer: Party::with_iban("Aziz Traders", iban("FI2112345600000785"), None),
    }
}

#[test]
fn pain001_golden_from_draft() {
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>DRAFT-2026-0001</MsgId>
      <CreDtTm>2026-11-21T10:00:00Z</CreDtTm>
      <NbOfTxs>1</NbOfTxs>
      <CtrlSum>123.45</CtrlSum>
      <InitgPty>
        <Nm>Aziz Traders</Nm>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>PI-1</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <NbOfTxs>1</NbOfTxs>
      <CtrlSum>123.45</CtrlSum>
      <ReqdExctnDt>
        <Dt>2026-11-23</Dt>
      </ReqdExctnDt>
      <Dbtr>
        <Nm>Aziz Traders</Nm>
      </Dbtr>
      <DbtrAcct>
        <Id>
          <IBAN>FI2112345600000785</IBAN>
        </Id>
      </DbtrAcct>
      <DbtrAgt>
        <FinInstnId>
          <Othr>
            <Id>NOTPROVIDED</Id>
          </Othr>
        </FinInstnId>
      </DbtrAgt>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>DECL-UZ-0001</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">123.45</InstdAmt>
        </Amt>
        <CdtrAgt>
          <FinInstnId>
            <BICFI>COBADEFFXXX</BICFI>
          </FinInstnId>
        </CdtrAgt>
        <Cdtr>
          <Nm>Karvon Broker GmbH</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>DE89370400440532013000</IBAN>
          </Id>
        </CdtrAcct>
        <Purp>
          <Cd>GOVT</Cd>
        </Purp>
        <RmtInf>
          <Strd>
            <CdtrRefInf>
              <Tp>
                <CdOrPrtry>
                  <Cd>SCOR</Cd>
                </CdOrPrtry>
                <Issr>ISO</Issr>
              </Tp>
              <Ref>RF18539007547034</Ref>
            </CdtrRefInf>
          </Strd>
        </RmtInf>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
"#;
    assert_eq!(broker_draft().pain001(&header()).unwrap(), expected);
    // Deterministic: the same inputs give the same bytes.
    assert_eq!(broker_draft().pain001(&header()).unwrap(), expected);
}

/// Two transfers: a national account with its bank code (MFO) and unstructured remittance,
/// and an IBAN without a BIC (no `CdtrAgt`); the payer's BIC is known.
#[test]
fn pain001_golden_two_transfers() {
    let message = CreditTransferInitiation {
        message_id: "MSG-2".into(),
        created_at_ms: utc_ms("2026-01-02", 3, 4, 5) + 678,
        initiating_party: "Aziz Traders".into(),
        payment_info_id: "PI-2".into(),
        requested_execution_date: date("2026-01-05"),
        debtor: Party::with_iban(
            "Aziz Traders",
            iban("DE89370400440532013000"),
            Some(Bic::parse("COBADEFF").unwrap()),
        ),
        transfers: vec![
            CreditTransfer {
                end_to_end_id: "E2E-1".into(),
                amount: eur("10.5"),
                creditor: Party {
                    name: "Toshkent Broker".into(),
                    account: Account::National {
                        number: "20208000900123456001".into(),
                        bank_code: Some("00873".into()),
                    },
                },
                purpose: None,
                reference: None,
                remittance_text: Some("Invoice 7".into()),
            },
            CreditTransfer {
                end_to_end_id: "E2E-2".into(),
                amount: eur("1000"),
                creditor: Party::with_iban("Oy Courier Ab", iban("FI2112345600000785"), None),
                purpose: None,
                reference: None,
                remittance_text: None,
            },
        ],
    };
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>MSG-2</MsgId>
      <CreDtTm>2026-01-02T03:04:05Z</CreDtTm>
      <NbOfTxs>2</NbOfTxs>
      <CtrlSum>1010.50</CtrlSum>
      <InitgPty>
        <Nm>Aziz Traders</Nm>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>PI-2</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <NbOfTxs>2</NbOfTxs>
      <CtrlSum>1010.50</CtrlSum>
      <ReqdExctnDt>
        <Dt>2026-01-05</Dt>
      </ReqdExctnDt>
      <Dbtr>
        <Nm>Aziz Traders</Nm>
      </Dbtr>
      <DbtrAcct>
        <Id>
          <IBAN>DE89370400440532013000</IBAN>
        </Id>
      </DbtrAcct>
      <DbtrAgt>
        <FinInstnId>
          <BICFI>COBADEFF</BICFI>
        </FinInstnId>
      </DbtrAgt>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>E2E-1</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">10.50</InstdAmt>
        </Amt>
        <CdtrAgt>
          <FinInstnId>
            <ClrSysMmbId>
              <MmbId>00873</MmbId>
            </ClrSysMmbId>
          </FinInstnId>
        </CdtrAgt>
        <Cdtr>
          <Nm>Toshkent Broker</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <Othr>
              <Id>20208000900123456001</Id>
            </Othr>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>Invoice 7</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>E2E-2</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">1000.00</InstdAmt>
        </Amt>
        <Cdtr>
          <Nm>Oy Courier Ab</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>FI2112345600000785</IBAN>
          </Id>
        </CdtrAcct>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
"#;
    assert_eq!(message.to_xml().unwrap(), expected);
}

#[test]
fn pain001_escapes_markup_in_names_and_text() {
    let mut draft = broker_draft();
    draft.payee = Payee::Known(Party::with_iban(
        r#"Tom & Jerry <"Ltd"> 'x'"#,
        iban("DE89370400440532013000"),
        None,
    ));
    draft.reference = None;
    draft.purpose = Some("a<b & c>d".into());
    let mut header = header();
    header.payer.name = "O'Neil & Sons".into();
    header.message_id = "M<1>".into();
    let xml = draft.pain001(&header).unwrap();
    assert!(
        xml.contains("<Nm>Tom &amp; Jerry &lt;&quot;Ltd&quot;&gt; &apos;x&apos;</Nm>"),
        "{xml}"
    );
    assert!(xml.contains("<Ustrd>a&lt;b &amp; c&gt;d</Ustrd>"), "{xml}");
    assert!(xml.contains("<Nm>O&apos;Neil &amp; Sons</Nm>"), "{xml}");
    assert!(xml.contains("<MsgId>M&lt;1&gt;</MsgId>"), "{xml}");
    // No raw markup character survives inside any text node.
    for line in xml.lines().skip(1) {
        let inner = line.trim();
        if let Some(text) = inner
            .strip_prefix('<')
            .and_then(|l| l.split_once('>'))
            .and_then(|(_, rest)| rest.rsplit_once("</"))
            .map(|(text, _)| text)
        {
            assert!(!text.contains(['<', '>', '"', '\'']), "{line}");
        }
    }
}

#[test]
fn pain001_refusals_are_precise() {
    let mut filing = broker_draft();
    filing.payee = Payee::GivenAtFiling;
    assert_eq!(
        filing.pain001(&header()),
        Err(PaymentError::PayeeGivenAtFiling)
    );

    let mut h = header();
    h.message_id = "M".repeat(36);
    assert_eq!(
        broker_draft().pain001(&h),
        Err(PaymentError::TooLong {
            field: Field::MessageId,
            length: 36,
            max: 35
        })
    );
    let mut h = header();
    h.end_to_end_id = " ".into();
    assert_eq!(
        broker_draft().pain001(&h),
        Err(PaymentError::Required {
            field: Field::EndToEndId
        })
    );
    let mut h = header();
    h.payer.name = "P".repeat(141);
    assert_eq!(
        broker_draft().pain001(&h),
        Err(PaymentError::TooLong {
            field: Field::InitiatingParty,
            length: 141,
            max: 140
        })
    );

    let transfer = broker_draft().credit_transfer("E2E").unwrap();
    let message = CreditTransferInitiation {
        message_id: "M".into(),
        created_at_ms: 0,
        initiating_party: "P".into(),
        payment_info_id: "PI".into(),
        requested_execution_date: date("2026-01-01"),
        debtor: header().payer,
        transfers: vec![],
    };
    assert_eq!(message.to_xml(), Err(PaymentError::NoTransfers));
    let both = CreditTransferInitiation {
        transfers: vec![CreditTransfer {
            remittance_text: Some("Invoice".into()),
            ..transfer.clone()
        }],
        ..message.clone()
    };
    assert_eq!(both.to_xml(), Err(PaymentError::BothRemittances));
    let zero = CreditTransferInitiation {
        transfers: vec![CreditTransfer {
            amount: eur("0"),
            ..transfer.clone()
        }],
        ..message.clone()
    };
    assert_eq!(
        zero.to_xml(),
        Err(PaymentError::AmountTooSmall { min: eur("0.01") })
    );
    let huge = CreditTransferInitiation {
        transfers: vec![CreditTransfer {
            amount: eur("10000000000000000"),
            ..transfer.clone()
        }],
        ..message.clone()
    };
    assert_eq!(
        huge.to_xml(),
        Err(PaymentError::AmountTooLarge {
            max: eur("9999999999999999.99")
        })
    );
    let long = CreditTransferInitiation {
        transfers: vec![CreditTransfer {
            reference: None,
            remittance_text: Some("x".repeat(141)),
            ..transfer.clone()
        }],
        ..message.clone()
    };
    assert_eq!(
        long.to_xml(),
        Err(PaymentError::TooLong {
            field: Field::Remittance,
            length: 141,
            max: 140
        })
    );
    let late = CreditTransferInitiation {
        created_at_ms: u64::MAX,
        transfers: vec![transfer],
        ..message
    };
    assert_eq!(
        late.to_xml(),
        Err(PaymentError::Timestamp { millis: u64::MAX })
    );
}

// ------------------------------------------------------------------------------ drafts

#[test]
fn draft_amount_is_checked() {
    assert_eq!(
        PaymentDraft::new(eur("0"), Payee::GivenAtFiling),
        Err(PaymentError::AmountTooSmall { min: eur("0.01") })
    );
    assert_eq!(
        PaymentDraft::new(eur("-5"), Payee::GivenAtFiling),
        Err(PaymentError::AmountTooSmall { min: eur("0.01") })
    );
    assert_eq!(
        PaymentDraft::new(money("1.5", "JPY"), Payee::GivenAtFiling),
        Err(PaymentError::AmountTooPrecise {
            places: 0,
            currency: Currency::from_code("JPY").unwrap()
        })
    );
}

#[test]
fn status_cannot_move_backwards() {
    let mut draft = broker_draft();
    assert_eq!(draft.status(), PaymentStatus::Draft);
    draft.advance(PaymentStatus::Submitted).unwrap();
    assert_eq!(
        draft.advance(PaymentStatus::Draft),
        Err(PaymentError::StatusBackward {
            from: PaymentStatus::Submitted,
            to: PaymentStatus::Draft
        })
    );
    draft.advance(PaymentStatus::Paid).unwrap();
    for back in [PaymentStatus::Draft, PaymentStatus::Submitted] {
        assert_eq!(
            draft.advance(back),
            Err(PaymentError::StatusBackward {
                from: PaymentStatus::Paid,
                to: back
            })
        );
    }
    assert_eq!(draft.status(), PaymentStatus::Paid);
    // Repeating the current status (a replayed sync change) is harmless.
    assert_eq!(draft.advance(PaymentStatus::Paid), Ok(()));
    let err = PaymentError::StatusBackward {
        from: PaymentStatus::Paid,
        to: PaymentStatus::Draft,
    }
    .message();
    assert_eq!(err.id, "input-payment-status-backward");
}

#[test]
fn text_lines_are_messages() {
    let mut draft = broker_draft();
    draft.advance(PaymentStatus::Submitted).unwrap();
    let lines = draft.text_lines();
    let ids: Vec<_> = lines.iter().map(|m| m.id.as_ref()).collect();
    assert_eq!(
        ids,
        [
            "payment-text-amount",
            "payment-text-payee",
            "payment-text-iban",
            "payment-text-bic",
            "payment-text-reference",
            "payment-text-due",
            "payment-text-purpose",
            "payment-text-purpose-code",
            "payment-text-status",
        ]
    );
    let json = serde_json::to_value(&lines).unwrap();
    assert_eq!(
        json[0]["args"][0][1],
        serde_json::json!({"type": "money", "amount": "123.45", "currency": "EUR"})
    );
    assert_eq!(
        json[2]["args"][0][1]["value"],
        "DE89 3704 0044 0532 0130 00"
    );
    assert_eq!(json[4]["args"][0][1]["value"], "RF18 5390 0754 7034");
    assert_eq!(
        json[8]["args"][0][1],
        serde_json::json!({"type": "term", "id": "payment-status-submitted"})
    );

    let filing = PaymentDraft::new(money("1205000", "UZS"), Payee::GivenAtFiling).unwrap();
    let ids: Vec<_> = filing.text_lines().into_iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        [
            "payment-text-amount",
            "payment-text-payee-at-filing",
            "payment-text-status"
        ]
    );
}

#[test]
fn drafts_round_trip_through_json() {
    let mut draft = broker_draft();
    draft.advance(PaymentStatus::Submitted).unwrap();
    let json = serde_json::to_string(&draft).unwrap();
    let back: PaymentDraft = serde_json::from_str(&json).unwrap();
    assert_eq!(back, draft);
    let filing = PaymentDraft::new(money("1205000", "UZS"), Payee::GivenAtFiling).unwrap();
    let json = serde_json::to_value(&filing).unwrap();
    assert_eq!(
        json["payee"],
        serde_json::json!({"kind": "given_at_filing"})
    );
    // A stored IBAN with a wrong checksum does not load.
    let bad = serde_json::to_string(&draft)
        .unwrap()
        .replace("DE89370400440532013000", "DE88370400440532013000");
    assert!(serde_json::from_str::<PaymentDraft>(&bad).is_err());
}

// ----------------------------------------------------------------------- catalogue ids

/// Every id the payment module can emit has a text in en, uz and ru (`karvon-i18n`'s own
/// check only scans some prefixes; `payment-` is not among them).
#[test]
fn every_emitted_id_is_in_the_three_catalogues() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut emitted = BTreeSet::new();
    let dir = format!("{root}/domain/src/payment");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for prefix in ["\"input-", "\"payment-"] {
            for (at, _) in text.match_indices(prefix) {
                let tail = &text[at + 1..];
                let id = &tail[..tail.find('"').unwrap()];
                if id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                {
                    emitted.insert(id.to_owned());
                }
            }
        }
    }
    assert!(emitted.len() > 50, "{emitted:?}");
    for lang in ["en", "uz", "ru"] {
        let mut ftl = String::new();
        for entry in std::fs::read_dir(format!("{root}/i18n/locales/{lang}")).unwrap() {
            ftl += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
        }
        let ids: BTreeSet<_> = ftl
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_owned()))
            .collect();
        let missing: Vec<_> = emitted.difference(&ids).collect();
        assert!(missing.is_empty(), "{lang}: missing {missing:?}");
    }
    // And the error messages name those ids.
    let sample = PaymentError::TooLong {
        field: Field::Remittance,
        length: 141,
        max: 140,
    }
    .message();
    assert_eq!(sample.id, "input-payment-too-long");
    assert_eq!(
        sample.get("field"),
        Some(&karvon_domain::Arg::Term {
            id: "payment-field-remittance".into()
        })
    );
    assert_eq!(
        sample.get("length"),
        Some(&karvon_domain::Arg::Int { value: 141 })
    );
}
