//! PDF export, checked the way a reader sees it: text extracted with poppler's `pdftotext`,
//! pages rasterised with `pdftoppm` and decoded, sizes and determinism.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use karvon_domain::payment::{
    Account, Bic, CreditorReference, Iban, Party as PayParty, Payee, PaymentDraft, PaymentStatus,
};
use karvon_domain::postal::{Category, Cn22, Cn23, ContentLine, NonDelivery, Party, Route};
use karvon_domain::{Currency, Date, Money};
use karvon_i18n::{Catalogue, Lang};
use karvon_render::pdf::{
    cn22_pdf, cn23_pdf, payment_pdf, sheet_pdf, Align, Column, PdfError, Place, Sheet, Table,
};
use rust_decimal::Decimal;

const MAX_BYTES: usize = 150 * 1024;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn money(s: &str, code: &str) -> Money {
    Money::new(dec(s), Currency::from_code(code).unwrap())
}

fn sender() -> Party {
    Party {
        name: "Gʻulom Oʻrinboyev".into(),
        business: Some("Oʻzbek Hunarmand MChJ".into()),
        street: "Amir Temur koʻchasi 15".into(),
        postcode: Some("100000".into()),
        city: "Toshkent".into(),
        country: "UZ".into(),
        phone: Some("+998 90 123 45 67".into()),
        email: None,
        reference: Some("UZ-EXP-4411".into()),
    }
}

fn addressee() -> Party {
    Party {
        name: "Анна Кузнецова".into(),
        business: None,
        street: "ул. Пушкина, д. 10, кв. 5".into(),
        postcode: Some("190000".into()),
        city: "Санкт-Петербург".into(),
        country: "RU".into(),
        phone: Some("+7 812 555 01 02".into()),
        email: Some("anna@example.ru".into()),
        reference: Some("ИНН 7801234567".into()),
    }
}

fn line(i: usize) -> ContentLine {
    let descriptions = [
        "Oʻzbek doʻppisi, ipak, qoʻlda tikilgan",
        "Шёлковый платок ручной работы",
        "Ceramic plate, hand-painted Rishtan blue glaze",
    ];
    ContentLine {
        description: format!("{} #{}", descriptions[i % 3], i + 1),
        quantity: Decimal::from(i as i64 % 4 + 1),
        unit: Some("pcs".into()),
        net_weight_kg: dec("0.25"),
        value: money("1234.5", "EUR"),
        hs_code: Some(format!("6505{:06}", 900 + i)),
        origin: Some("UZ".into()),
    }
}

fn cn23(lines: usize) -> Cn23 {
    Cn23 {
        operator: Some("Oʻzbekiston pochtasi".into()),
        item_id: Some("CP123456785UZ".into()),
        sender: sender(),
        addressee: addressee(),
        categories: vec![Category::SaleOfGoods],
        explanation: None,
        contents: (0..lines).map(line).collect(),
        total_weight_kg: dec("1.85"),
        total_value: money("3703.5", "EUR"),
        postal_charges: Some(money("185000", "UZS")),
        comments: Some("Fragile: ceramics. Хрупкое.".into()),
        licences: vec![],
        certificates: vec!["CERT-77".into()],
        invoice: Some("INV-2026-0042".into()),
        office_of_origin: Some("Toshkent 100000".into()),
        date_of_posting: Some(Date::new(2026, 11, 20).unwrap()),
        non_delivery: Some(NonDelivery::Return {
            route: Some(Route::Priority),
        }),
        signed_on: Date::new(2026, 11, 19).unwrap(),
    }
}

/// A 25 × 25 matrix with finder-like squares, as a caller's QR encoder would give.
fn matrix() -> Vec<Vec<bool>> {
    (0..25)
        .map(|r| {
            (0..25)
                .map(|c| {
                    let finder = |r: usize, c: usize| {
                        r < 7
                            && c < 7
                            && (r.is_multiple_of(6)
                                || c.is_multiple_of(6)
                                || (2..5).contains(&r) && (2..5).contains(&c))
                    };
                    finder(r, c)
                        || finder(r, 24 - c)
                        || finder(24 - r, c)
                        || (r * 7 + c * 3).is_multiple_of(5)
                })
                .collect()
        })
        .collect()
}

struct Rendered {
    _dir: tempfile::TempDir,
    text: String,
    pages: Vec<PageImage>,
}

#[derive(Debug)]
struct PageImage {
    width: u32,
    height: u32,
    /// Share of pixels that are not white, in per mille.
    ink_per_mille: u64,
}

fn ensure_poppler() {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok();
    if !ok {
        let status = Command::new("apt-get")
            .args(["install", "-y", "poppler-utils"])
            .status()
            .expect("apt-get runs");
        assert!(status.success(), "poppler-utils could not be installed");
    }
}

fn render(pdf: &[u8]) -> Rendered {
    ensure_poppler();
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    // For looking at the output by hand: KARVON_PDF_DUMP=/some/dir keeps a copy of each PDF.
    if let Some(keep) = std::env::var_os("KARVON_PDF_DUMP") {
        let n = std::fs::read_dir(&keep).map(|d| d.count()).unwrap_or(0);
        std::fs::write(Path::new(&keep).join(format!("{n:02}.pdf")), pdf).unwrap();
    }
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout)
        .unwrap()
        .replace('\u{a0}', " ");
    let prefix = dir.path().join("page");
    let out = Command::new("pdftoppm")
        .args(["-png", "-r", "50"])
        .arg(&file)
        .arg(&prefix)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftoppm: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "pdftoppm complained: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    files.sort();
    let pages = files.iter().map(|p| decode(p)).collect();
    Rendered {
        _dir: dir,
        text,
        pages,
    }
}

fn decode(path: &Path) -> PageImage {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let pixels = bytes.chunks(channels);
    let total = pixels.len() as u64;
    let inked = bytes
        .chunks(channels)
        .filter(|px| px.iter().take(3).any(|v| *v < 200))
        .count() as u64;
    PageImage {
        width: info.width,
        height: info.height,
        ink_per_mille: inked * 1000 / total.max(1),
    }
}

/// Every page is A4 at 50 dpi (413 × 585 px) and carries ink.
fn assert_pages(r: &Rendered, count: usize) {
    assert_eq!(r.pages.len(), count, "pages: {:?}", r.pages);
    for (i, p) in r.pages.iter().enumerate() {
        assert_eq!((p.width, p.height), (414, 585), "page {} size", i + 1);
        assert!(
            p.ink_per_mille >= 5,
            "page {} is (nearly) blank: {:?}",
            i + 1,
            p
        );
    }
}

fn assert_has(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "missing {n:?} in:\n{text}");
    }
}

/// Text with runs of spaces collapsed, for phrases a wrapped or laid-out line may space out.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn cn23_three_lines_in_english() {
    let form = cn23(3);
    let pdf = cn23_pdf(&form, &Catalogue::new(Lang::En), Some(&matrix())).unwrap();
    assert!(pdf.len() < MAX_BYTES, "{} bytes", pdf.len());
    let r = render(&pdf);
    assert_pages(&r, 1);
    assert_has(
        &r.text,
        &[
            "Gʻulom Oʻrinboyev",
            "Oʻzbek Hunarmand MChJ",
            "Анна Кузнецова",
            "Санкт-Петербург",
            "Шёлковый платок ручной работы #2",
            "6505000900",
            "6505000902",
            "CP123456785UZ",
            "1,234.50 EUR",
            "3,703.50 EUR",
            "185,000.00 UZS",
            "0.25",
            "1.85",
            "INV-2026-0042",
            "CERT-77",
            "ИНН 7801234567",
            "anna@example.ru",
            "2026-11-19",
            "2026-11-20",
            "CUSTOMS DECLARATION",
            "CN 23",
            "Page 1 of 1",
        ],
    );
    let flat = squeeze(&r.text);
    assert_has(
        &flat,
        &[
            "Oʻzbek doʻppisi, ipak, qoʻlda tikilgan #1",
            "Detailed description of contents (1)",
        ],
    );
}

#[test]
fn cn23_forty_lines_continue_on_more_pages_in_russian() {
    let form = cn23(40);
    let cat = Catalogue::new(Lang::Ru);
    let start = Instant::now();
    let pdf = cn23_pdf(&form, &cat, None).unwrap();
    let took = start.elapsed();
    println!("CN 23 with 40 lines: {} bytes in {took:?}", pdf.len());
    assert!(pdf.len() < MAX_BYTES, "{} bytes", pdf.len());
    let r = render(&pdf);
    assert!(r.pages.len() >= 2, "{} pages", r.pages.len());
    assert_pages(&r, r.pages.len());
    let flat = squeeze(&r.text);
    for i in 0..40 {
        assert!(
            r.text.contains(&format!("6505{:06}", 900 + i)),
            "HS code of line {}",
            i + 1
        );
        assert!(
            flat.contains(&format!("#{} ", i + 1))
                || flat.contains(&format!("#{}\n", i + 1))
                || flat.contains(&format!("#{}", i + 1)),
            "line {}",
            i + 1
        );
    }
    // Each HS code is printed once: nothing is drawn twice across the form and its sheet.
    assert_eq!(r.text.matches("6505000939").count(), 1);
    assert_has(
        &flat,
        &[
            "1 234,50 EUR",
            "3 703,50 EUR",
            "ТАМОЖЕННАЯ ДЕКЛАРАЦИЯ",
            "лист продолжения",
            "Отправитель",
            "Шёлковый платок ручной работы",
            &format!("Страница {} из {}", r.pages.len(), r.pages.len()),
        ],
    );
    assert!(
        flat.contains("на листе продолжения"),
        "the form says where lines continue"
    );
    // English captions stay beside the Russian ones.
    assert_has(
        &flat,
        &[
            "Detailed description of contents (1)",
            "Подробное описание вложения (1)",
        ],
    );
}

#[test]
fn cn23_header_repeats_on_every_continuation_page() {
    // Long descriptions make rows tall, so the continuation table spans several pages.
    let mut form = cn23(40);
    for l in &mut form.contents {
        l.description = format!(
            "{} — {}",
            l.description,
            "очень подробное описание вложения для таможни ".repeat(4)
        );
    }
    let pdf = cn23_pdf(&form, &Catalogue::new(Lang::Uz), None).unwrap();
    let r = render(&pdf);
    assert!(r.pages.len() >= 3, "{} pages", r.pages.len());
    assert_pages(&r, r.pages.len());
    let flat = squeeze(&r.text);
    let headers = flat.matches("Tarkibning batafsil tavsifi (1)").count();
    assert_eq!(headers, r.pages.len(), "one table header per page");
    assert!(r.text.contains("6505000939"));
}

#[test]
fn cn22_in_uzbek() {
    let form = Cn22 {
        operator: Some("Oʻzbekiston pochtasi".into()),
        item_id: Some("RR123456785UZ".into()),
        sender: sender(),
        addressee: addressee(),
        categories: vec![Category::Gift, Category::Other],
        explanation: Some("Shaxsiy sovgʻa, tijorat maqsadisiz".into()),
        contents: (0..2).map(line).collect(),
        total_weight_kg: dec("0.6"),
        total_value: money("2469", "EUR"),
        signed_on: Date::new(2026, 11, 19).unwrap(),
    };
    let pdf = cn22_pdf(&form, &Catalogue::new(Lang::Uz), Some(&matrix())).unwrap();
    assert!(pdf.len() < MAX_BYTES, "{} bytes", pdf.len());
    let r = render(&pdf);
    assert_pages(&r, 1);
    let flat = squeeze(&r.text);
    assert_has(
        &flat,
        &[
            "CN 22",
            "BOJXONA DEKLARATSIYASI",
            "RR123456785UZ",
            "Sovgʻa",
            "Shaxsiy sovgʻa, tijorat maqsadisiz",
            "1 pcs Oʻzbek doʻppisi",
            "2 pcs Шёлковый платок",
            "1 234,50 EUR",
            "2 469,00 EUR",
            "0,25",
            "0,6",
            "6505000901",
            "Gʻulom Oʻrinboyev",
            "Анна Кузнецова",
            "Joʻnatuvchi (joʻnatmada yozilganidek)",
            "1 sahifadan 1-sahifa",
        ],
    );
}

fn known_draft() -> PaymentDraft {
    let payee = PayParty {
        name: "Spedition Müller GmbH".into(),
        account: Account::Iban {
            iban: Iban::parse("DE89 3704 0044 0532 0130 00").unwrap(),
            bic: Some(Bic::parse("COBADEFFXXX").unwrap()),
        },
    };
    let mut d = PaymentDraft::new(money("1250.4", "EUR"), Payee::Known(payee)).unwrap();
    d.reference = Some(CreditorReference::parse("RF18 5390 0754 7034").unwrap());
    d.due_date = Some(Date::new(2026, 12, 1).unwrap());
    d.purpose = Some("Import duty, declaration 2026-0042".into());
    d.advance(PaymentStatus::Submitted).unwrap();
    d
}

#[test]
fn payment_draft_with_payee_and_qr() {
    let pdf = payment_pdf(&known_draft(), &Catalogue::new(Lang::En), Some(&matrix())).unwrap();
    assert!(pdf.len() < MAX_BYTES, "{} bytes", pdf.len());
    let r = render(&pdf);
    assert_pages(&r, 1);
    let flat = squeeze(&r.text);
    assert_has(
        &flat,
        &[
            "Payment draft",
            "1,250.40 EUR",
            "Spedition Müller GmbH",
            "DE89 3704 0044 0532 0130 00",
            "COBADEFFXXX",
            "RF18 5390 0754 7034",
            "2026-12-01",
            "Import duty, declaration 2026-0042",
            "submitted",
            "Scan the QR code",
        ],
    );
    // The QR code adds ink: the same draft without it has less.
    let plain = render(&payment_pdf(&known_draft(), &Catalogue::new(Lang::En), None).unwrap());
    assert!(r.pages[0].ink_per_mille > plain.pages[0].ink_per_mille + 3);
}

#[test]
fn payment_draft_payee_given_at_filing() {
    let d = PaymentDraft::new(money("1205000", "UZS"), Payee::GivenAtFiling).unwrap();
    let pdf = payment_pdf(&d, &Catalogue::new(Lang::Ru), None).unwrap();
    let r = render(&pdf);
    assert_pages(&r, 1);
    let flat = squeeze(&r.text);
    assert_has(
        &flat,
        &[
            "Проект платежа",
            "1 205 000,00 UZS",
            "сообщает таможня при подаче декларации",
            "Karvon его не подставляет",
        ],
    );
    assert!(!flat.contains("IBAN"), "no account is invented");
}

fn sheet(lang: Lang, rows: usize) -> Sheet {
    let (title, item) = match lang {
        Lang::En => ("Passenger declaration", "Item"),
        Lang::Ru => ("Пассажирская таможенная декларация", "Товар"),
        Lang::Uz => ("Yoʻlovchi bojxona deklaratsiyasi", "Buyum"),
    };
    Sheet {
        title: title.into(),
        subtitle: Some("Toshkent (TAS) ← Istanbul (IST), 2026-11-21".into()),
        fields: vec![
            (
                "Passenger / Пассажир / Yoʻlovchi".into(),
                "Oʻrinboyev Gʻulom".into(),
            ),
            ("Passport".into(), "FA1234567".into()),
        ],
        tables: vec![Table {
            title: "Goods / Товары / Tovarlar".into(),
            columns: vec![
                Column {
                    heading: "No.".into(),
                    align: Align::Right,
                    width: 6,
                },
                Column {
                    heading: item.into(),
                    align: Align::Left,
                    width: 54,
                },
                Column {
                    heading: "HS".into(),
                    align: Align::Left,
                    width: 16,
                },
                Column {
                    heading: "Value".into(),
                    align: Align::Right,
                    width: 24,
                },
            ],
            rows: (1..=rows)
                .map(|i| {
                    vec![
                        i.to_string(),
                        format!("Телефон / Telefon №{i}"),
                        format!("8517{:06}", i),
                        karvon_i18n::format_money(
                            lang,
                            Decimal::from(1000 + i as i64),
                            Currency::from_code("USD").unwrap(),
                        ),
                    ]
                })
                .collect(),
            totals: vec![(
                "Total duty".into(),
                karvon_i18n::format_money(
                    lang,
                    dec("1205000"),
                    Currency::from_code("UZS").unwrap(),
                ),
            )],
        }],
        notes: vec!["Oʻzbekiston Respublikasi bojxona qoidalariga muvofiq.".into()],
        qr: Some(matrix()),
        footer: "Karvon — declaration 2026-0042".into(),
    }
}

#[test]
fn sheet_in_three_languages_with_a_table_over_pages() {
    for (lang, money, page1) in [
        (Lang::En, "1,205,000.00 UZS", "Page 1 of"),
        (Lang::Ru, "1 205 000,00 UZS", "Страница 1 из"),
        (Lang::Uz, "1 205 000,00 UZS", "1-sahifa"),
    ] {
        let s = sheet(lang, 90);
        let pdf = sheet_pdf(&s, &Catalogue::new(lang)).unwrap();
        assert!(pdf.len() < MAX_BYTES, "{lang:?}: {} bytes", pdf.len());
        let r = render(&pdf);
        assert!(r.pages.len() >= 2, "{lang:?}: {} pages", r.pages.len());
        assert_pages(&r, r.pages.len());
        let flat = squeeze(&r.text);
        assert_has(
            &flat,
            &[
                &s.title,
                "Oʻrinboyev Gʻulom",
                "FA1234567",
                money,
                page1,
                "Karvon — declaration 2026-0042",
                "Oʻzbekiston Respublikasi",
            ],
        );
        for i in [1usize, 45, 90] {
            assert!(
                r.text.contains(&format!("8517{:06}", i)),
                "{lang:?}: row {i}"
            );
        }
        let headers = r.text.matches("HS").count();
        assert_eq!(
            headers,
            r.pages.len(),
            "{lang:?}: the header repeats on each page"
        );
    }
}

#[test]
fn same_input_same_bytes() {
    let cat = Catalogue::new(Lang::Uz);
    let a = cn23_pdf(&cn23(5), &cat, Some(&matrix())).unwrap();
    let b = cn23_pdf(&cn23(5), &cat, Some(&matrix())).unwrap();
    assert_eq!(a, b);
    let s = sheet(Lang::En, 3);
    assert_eq!(sheet_pdf(&s, &cat).unwrap(), sheet_pdf(&s, &cat).unwrap());
}

#[test]
fn a_character_outside_the_font_is_named() {
    let mut form = cn23(3);
    form.contents[1].description = "Tea set 🦀".into();
    let err = cn23_pdf(&form, &Catalogue::new(Lang::En), None).unwrap_err();
    assert_eq!(
        err,
        PdfError::UnsupportedCharacter {
            place: Place::Line("pdf-cn23-description", 2),
            character: '🦀'
        }
    );
    let text = Catalogue::new(Lang::En).render(&err.message());
    assert_eq!(
        text,
        "Detailed description of contents (1), line 2: the font has no glyph for “🦀” (U+1F980)"
    );

    let mut s = sheet(Lang::En, 2);
    s.fields.push(("Name in Chinese".into(), "王小明".into()));
    let err = sheet_pdf(&s, &Catalogue::new(Lang::Ru)).unwrap_err();
    assert_eq!(
        err,
        PdfError::UnsupportedCharacter {
            place: Place::Label("Name in Chinese".into()),
            character: '王'
        }
    );
    assert!(Catalogue::new(Lang::Ru)
        .render(&err.message())
        .contains("U+738B"));
}

#[test]
fn text_too_long_for_its_box_is_refused() {
    let mut form = cn23(1);
    form.comments = Some("Quarantine inspection required. ".repeat(200));
    let err = cn23_pdf(&form, &Catalogue::new(Lang::En), None).unwrap_err();
    assert_eq!(
        err,
        PdfError::TooLong {
            place: Place::Field("pdf-cn23-comments")
        }
    );
    assert!(Catalogue::new(Lang::Uz)
        .render(&err.message())
        .contains("sigʻmaydi"));
}

#[test]
fn table_rows_must_match_the_columns() {
    let mut s = sheet(Lang::En, 2);
    s.tables[0].rows[1].pop();
    let err = sheet_pdf(&s, &Catalogue::new(Lang::En)).unwrap_err();
    assert_eq!(
        err,
        PdfError::RowCells {
            table: "Goods / Товары / Tovarlar".into(),
            row: 2,
            cells: 3,
            columns: 4
        }
    );
    let mut s = sheet(Lang::En, 2);
    s.qr = Some(vec![vec![true; 3], vec![true; 2]]);
    assert_eq!(
        sheet_pdf(&s, &Catalogue::new(Lang::En)).unwrap_err(),
        PdfError::QrMatrix
    );
}
