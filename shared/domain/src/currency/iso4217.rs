//! ISO 4217 active currency codes with numeric codes and minor units.
//!
//! Source: ISO 4217 List One (SIX Group, https://www.six-group.com/en/products-services/financial-information/data-standards.html), current as of 2026.
//!
//! Scope: the currencies of List One that countries actually use, plus `XDR`
//! (needed for postal declarations). Deliberately left out: fund codes (BOV,
//! CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), precious metals (XAG, XAU, XPD,
//! XPT), bond-market and institutional units (XBA–XBD, XSU, XUA), and the
//! test / no-currency codes (XTS, XXX).
//!
//! Withdrawn codes that are not here on purpose: ANG (→ XCG, 2025), BGN
//! (Bulgaria joined the euro 2026-01-01), CUC (withdrawn 2021, removed from
//! List One in 2025), HRK (Croatia joined the euro 2023), MRO (→ MRU), SLL
//! (→ SLE), STD (→ STN), VEF (→ VES), ZWL (→ ZWG).
//!
//! Numeric codes are written without ISO's leading zeros (ALL is `008` in ISO,
//! `8` here).

/// `(alphabetic code, numeric code, minor units)` sorted by alphabetic code.
pub(crate) const ISO_4217: &[(&str, u16, u8)] = &[
    ("AED", 784, 2), // UAE Dirham
    ("AFN", 971, 2), // Afghani
    ("ALL", 8, 2),   // Lek
    ("AMD", 51, 2),  // Armenian Dram
    ("AOA", 973, 2), // Kwanza
    ("ARS", 32, 2),  // Argentine Peso
    ("AUD", 36, 2),  // Australian Dollar
    ("AWG", 533, 2), // Aruban Florin
    ("AZN", 944, 2), // Azerbaijan Manat
    ("BAM", 977, 2), // Convertible Mark
    ("BBD", 52, 2),  // Barbados Dollar
    ("BDT", 50, 2),  // Taka
    ("BHD", 48, 3),  // Bahraini Dinar
    ("BIF", 108, 0), // Burundi Franc
    ("BMD", 60, 2),  // Bermudian Dollar
    ("BND", 96, 2),  // Brunei Dollar
    ("BOB", 68, 2),  // Boliviano
    ("BRL", 986, 2), // Brazilian Real
    ("BSD", 44, 2),  // Bahamian Dollar
    ("BTN", 64, 2),  // Ngultrum
    ("BWP", 72, 2),  // Pula
    ("BYN", 933, 2), // Belarusian Ruble
    ("BZD", 84, 2),  // Belize Dollar
    ("CAD", 124, 2), // Canadian Dollar
    ("CDF", 976, 2), // Congolese Franc
    ("CHF", 756, 2), // Swiss Franc
    ("CLP", 152, 0), // Chilean Peso
    ("CNY", 156, 2), // Yuan Renminbi
    ("COP", 170, 2), // Colombian Peso
    ("CRC", 188, 2), // Costa Rican Colon
    ("CUP", 192, 2), // Cuban Peso
    ("CVE", 132, 2), // Cabo Verde Escudo
    ("CZK", 203, 2), // Czech Koruna
    ("DJF", 262, 0), // Djibouti Franc
    ("DKK", 208, 2), // Danish Krone
    ("DOP", 214, 2), // Dominican Peso
    ("DZD", 12, 2),  // Algerian Dinar
    ("EGP", 818, 2), // Egyptian Pound
    ("ERN", 232, 2), // Nakfa
    ("ETB", 230, 2), // Ethiopian Birr
    ("EUR", 978, 2), // Euro
    ("FJD", 242, 2), // Fiji Dollar
    ("FKP", 238, 2), // Falkland Islands Pound
    ("GBP", 826, 2), // Pound Sterling
    ("GEL", 981, 2), // Lari
    ("GHS", 936, 2), // Ghana Cedi
    ("GIP", 292, 2), // Gibraltar Pound
    ("GMD", 270, 2), // Dalasi
    ("GNF", 324, 0), // Guinean Franc
    ("GTQ", 320, 2), // Quetzal
    ("GYD", 328, 2), // Guyana Dollar
    ("HKD", 344, 2), // Hong Kong Dollar
    ("HNL", 340, 2), // Lempira
    ("HTG", 332, 2), // Gourde
    ("HUF", 348, 2), // Forint
    ("IDR", 360, 2), // Rupiah
    ("ILS", 376, 2), // New Israeli Sheqel
    ("INR", 356, 2), // Indian Rupee
    ("IQD", 368, 3), // Iraqi Dinar
    ("IRR", 364, 2), // Iranian Rial
    ("ISK", 352, 0), // Iceland Krona
    ("JMD", 388, 2), // Jamaican Dollar
    ("JOD", 400, 3), // Jordanian Dinar
    ("JPY", 392, 0), // Yen
    ("KES", 404, 2), // Kenyan Shilling
    ("KGS", 417, 2), // Som
    ("KHR", 116, 2), // Riel
    ("KMF", 174, 0), // Comorian Franc
    ("KPW", 408, 2), // North Korean Won
    ("KRW", 410, 0), // Won
    ("KWD", 414, 3), // Kuwaiti Dinar
    ("KYD", 136, 2), // Cayman Islands Dollar
    ("KZT", 398, 2), // Tenge
    ("LAK", 418, 2), // Lao Kip
    ("LBP", 422, 2), // Lebanese Pound
    ("LKR", 144, 2), // Sri Lanka Rupee
    ("LRD", 430, 2), // Liberian Dollar
    ("LSL", 426, 2), // Loti
    ("LYD", 434, 3), // Libyan Dinar
    ("MAD", 504, 2), // Moroccan Dirham
    ("MDL", 498, 2), // Moldovan Leu
    ("MGA", 969, 2), // Malagasy Ariary
    ("MKD", 807, 2), // Denar
    ("MMK", 104, 2), // Kyat
    ("MNT", 496, 2), // Tugrik
    ("MOP", 446, 2), // Pataca
    ("MRU", 929, 2), // Ouguiya
    ("MUR", 480, 2), // Mauritius Rupee
    ("MVR", 462, 2), // Rufiyaa
    ("MWK", 454, 2), // Malawi Kwacha
    ("MXN", 484, 2), // Mexican Peso
    ("MYR", 458, 2), // Malaysian Ringgit
    ("MZN", 943, 2), // Mozambique Metical
    ("NAD", 516, 2), // Namibia Dollar
    ("NGN", 566, 2), // Naira
    ("NIO", 558, 2), // Cordoba Oro
    ("NOK", 578, 2), // Norwegian Krone
    ("NPR", 524, 2), // Nepalese Rupee
    ("NZD", 554, 2), // New Zealand Dollar
    ("OMR", 512, 3), // Rial Omani
    ("PAB", 590, 2), // Balboa
    ("PEN", 604, 2), // Sol
    ("PGK", 598, 2), // Kina
    ("PHP", 608, 2), // Philippine Peso
    ("PKR", 586, 2), // Pakistan Rupee
    ("PLN", 985, 2), // Zloty
    ("PYG", 600, 0), // Guarani
    ("QAR", 634, 2), // Qatari Rial
    ("RON", 946, 2), // Romanian Leu
    ("RSD", 941, 2), // Serbian Dinar
    ("RUB", 643, 2), // Russian Ruble
    ("RWF", 646, 0), // Rwanda Franc
    ("SAR", 682, 2), // Saudi Riyal
    ("SBD", 90, 2),  // Solomon Islands Dollar
    ("SCR", 690, 2), // Seychelles Rupee
    ("SDG", 938, 2), // Sudanese Pound
    ("SEK", 752, 2), // Swedish Krona
    ("SGD", 702, 2), // Singapore Dollar
    ("SHP", 654, 2), // Saint Helena Pound
    ("SLE", 925, 2), // Leone (replaced SLL)
    ("SOS", 706, 2), // Somali Shilling
    ("SRD", 968, 2), // Surinam Dollar
    ("SSP", 728, 2), // South Sudanese Pound
    ("STN", 930, 2), // Dobra
    ("SVC", 222, 2), // El Salvador Colon (still in List One alongside USD)
    ("SYP", 760, 2), // Syrian Pound
    ("SZL", 748, 2), // Lilangeni
    ("THB", 764, 2), // Baht
    ("TJS", 972, 2), // Somoni
    ("TMT", 934, 2), // Turkmenistan New Manat
    ("TND", 788, 3), // Tunisian Dinar
    ("TOP", 776, 2), // Pa'anga
    ("TRY", 949, 2), // Turkish Lira
    ("TTD", 780, 2), // Trinidad and Tobago Dollar
    ("TWD", 901, 2), // New Taiwan Dollar
    ("TZS", 834, 2), // Tanzanian Shilling
    ("UAH", 980, 2), // Hryvnia
    ("UGX", 800, 0), // Uganda Shilling
    ("USD", 840, 2), // US Dollar
    ("UYU", 858, 2), // Peso Uruguayo
    ("UZS", 860, 2), // Uzbekistan Sum
    ("VED", 926, 2), // Bolívar Soberano (digital bolívar, listed with VES)
    ("VES", 928, 2), // Bolívar Soberano
    ("VND", 704, 0), // Dong
    ("VUV", 548, 0), // Vatu
    ("WST", 882, 2), // Tala
    ("XAF", 950, 0), // CFA Franc BEAC
    ("XCD", 951, 2), // East Caribbean Dollar
    ("XCG", 532, 2), // Caribbean Guilder (replaced ANG in 2025, same numeric code)
    // SDR (Special Drawing Right). ISO lists its minor units as "N.A."; 2 is the
    // scale this crate uses for calculation, not an ISO figure.
    ("XDR", 960, 2),
    ("XOF", 952, 0), // CFA Franc BCEAO
    ("XPF", 953, 0), // CFP Franc
    ("YER", 886, 2), // Yemeni Rial
    ("ZAR", 710, 2), // Rand
    ("ZMW", 967, 2), // Zambian Kwacha
    ("ZWG", 924, 2), // Zimbabwe Gold (replaced ZWL)
];

#[cfg(test)]
mod tests {
    use super::ISO_4217;

    fn lookup(code: &str) -> Option<(u16, u8)> {
        ISO_4217
            .binary_search_by(|(c, _, _)| (*c).cmp(code))
            .ok()
            .map(|i| (ISO_4217[i].1, ISO_4217[i].2))
    }

    #[test]
    fn codes_are_sorted_and_unique() {
        for pair in ISO_4217.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{} must sort strictly before {}",
                pair[0].0,
                pair[1].0
            );
        }
    }

    #[test]
    fn numeric_codes_are_unique() {
        let mut numerics: Vec<u16> = ISO_4217.iter().map(|(_, n, _)| *n).collect();
        numerics.sort_unstable();
        for pair in numerics.windows(2) {
            assert_ne!(pair[0], pair[1], "duplicate numeric code {}", pair[0]);
        }
    }

    #[test]
    fn codes_are_three_uppercase_ascii_letters() {
        for (code, _, _) in ISO_4217 {
            assert_eq!(code.len(), 3, "{code}");
            assert!(code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
        }
    }

    #[test]
    fn numeric_codes_and_minor_units_are_in_range() {
        for (code, numeric, minor) in ISO_4217 {
            assert!((1..=999).contains(numeric), "{code}: {numeric}");
            assert!(*minor <= 3, "{code}: {minor}");
        }
    }

    #[test]
    fn spot_checks() {
        assert_eq!(lookup("EUR"), Some((978, 2)));
        assert_eq!(lookup("USD"), Some((840, 2)));
        assert_eq!(lookup("UZS"), Some((860, 2)));
        assert_eq!(lookup("JPY"), Some((392, 0)));
        assert_eq!(lookup("KWD"), Some((414, 3)));
        assert_eq!(lookup("GBP"), Some((826, 2)));
        assert_eq!(lookup("KZT"), Some((398, 2)));
        assert_eq!(lookup("TRY"), Some((949, 2)));
        assert_eq!(lookup("AED"), Some((784, 2)));
        assert_eq!(lookup("KRW"), Some((410, 0)));
        assert_eq!(lookup("AUD"), Some((36, 2)));
        assert_eq!(lookup("SGD"), Some((702, 2)));
        assert_eq!(lookup("XDR").map(|(n, _)| n), Some(960));
        assert_eq!(lookup("XCG"), Some((532, 2)));
        assert_eq!(lookup("ZWG"), Some((924, 2)));
        assert_eq!(lookup("SLE"), Some((925, 2)));
    }

    #[test]
    fn withdrawn_and_excluded_codes_are_absent() {
        for code in [
            "ANG", "BGN", "CUC", "HRK", "MRO", "SLL", "STD", "VEF", "ZWL", // withdrawn
            "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW", // funds
            "XAG", "XAU", "XPD", "XPT", // precious metals
            "XTS", "XXX", // testing / no currency
        ] {
            assert_eq!(lookup(code), None, "{code} must not be in the table");
        }
    }

    #[test]
    fn table_is_reasonably_complete() {
        assert!(ISO_4217.len() > 140, "{}", ISO_4217.len());
    }
}
