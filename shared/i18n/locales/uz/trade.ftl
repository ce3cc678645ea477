# trade messages (uz): soddalashtirilgan savdo deklaratsiyasi, tarif fayllari va hisob-faktura CSV importi.

## Atamalar

trade-unit-kg = kg
trade-unit-l = l
trade-unit-pcs = dona
trade-unit-pair = juft
trade-unit-m = m
trade-unit-m2 = m²
trade-unit-m3 = m³
trade-unit-cm3 = sm³
trade-basis-cif = CIF (narx, yuk tashish va sugʻurta)
trade-basis-fob = FOB (faqat narx)
trade-rates-cbu = Oʻzbekiston Markaziy banki kurslari
trade-rates-ecb = YeMB maʼlumot kurslari
trade-rates-user = foydalanuvchi kiritgan kurslar
trade-delimiter-comma = vergul
trade-delimiter-semicolon = nuqtali vergul
trade-delimiter-tab = tabulyatsiya
trade-delimiter-pipe = vertikal chiziq (|)
trade-delimiter-space = boʻshliqlar
trade-fee-clearance = bojxona rasmiylashtiruvi yigʻimi
tariff-expected-term = son, max( yoki min(
tariff-expected-percent-or-currency = % yoki valyuta kodi (EUR, USD …)
tariff-expected-slash = valyuta va birlik orasida “/”
tariff-expected-unit = oʻlchov birligi (kg, l, pcs, pair, m, m2, m3, cm3)
tariff-expected-open-paren = “(”
tariff-expected-separator = “;” yoki “)”
tariff-expected-plus-or-end = “+” yoki ifoda oxiri

## Stavka ifodalari

tariff-expr-empty = stavka ifodasi boʻsh
tariff-expr-too-long = stavka ifodasi { $length } belgidan iborat; chegara — { $max }
tariff-expr-syntax = { $position }-belgida: { $expected } kutilgan edi, “{ $found }” topildi
tariff-expr-number = { $position }-belgida: “{ $value }” oddiy oʻnli son emas (nuqtadan foydalaning, darajasiz)
tariff-expr-currency = { $position }-belgida: “{ $value }” valyuta kodi emas
tariff-expr-unit = { $position }-belgida: “{ $value }” maʼlum oʻlchov birligi emas (kg, l, pcs, pair, m, m2, m3, cm3)
tariff-expr-too-deep = { $position }-belgida: max( va min( { $max } darajadan chuqur joylashgan
tariff-expr-too-few-parts = yigʻindi, max yoki min kamida ikki qismdan iborat boʻlishi kerak
tariff-expr-negative = stavka yoki summa manfiy boʻlmasligi kerak
tariff-expr-missing-rate = kurslar jadvalida aniq summani qayta hisoblash uchun { $currency } kursi yoʻq
tariff-expr-unit-mismatch = stavka { $needed } uchun belgilangan, lekin satr miqdori { $given } da
tariff-expr-overflow = summa hisoblash uchun juda katta

## Tarif fayllari

tariff-hs-prefix = “{ $value }” 2 dan 10 tagacha raqamli TN kodi yoki prefiksi emas ({ $digits } ta raqam)
tariff-vat-range = “{ $value }” 0 dan 100 gacha boʻlgan QQS stavkasi emas
tariff-confidence = “{ $value }” ishonchlilik darajasi emas (confirmed, secondary, unconfirmed yoki conflict)
tariff-dates-reversed = valid_to { $to } sanasi valid_from { $from } sanasidan oldin
tariff-overlap = { $hs } uchun boshqa satr ({ $other }-satr) ayrim kunlarda bir vaqtda amal qiladi

## CSV fayllari

trade-csv-summary = faylda { $total } ta muammo; dastlabki { $shown } tasi koʻrsatilgan
trade-csv-no-header = fayl boʻsh: birinchi qatorda ustun nomlari boʻlishi kerak
trade-csv-no-rows = faylda sarlavha bor, lekin satrlar yoʻq
trade-csv-missing-columns = yetishmayotgan ustun(lar): { $columns } ({ $delimiter } ajratuvchi sifatida oʻqildi)
trade-csv-wrong-delimiter = yetishmayotgan ustun(lar): { $columns } — sarlavha { $found } bilan ajratilganga oʻxshaydi; vergul, nuqtali vergul yoki tabulyatsiyadan foydalaning
trade-csv-column-twice = “{ $column }” ustuni ikki marta uchraydi
trade-csv-too-many-rows = faylda { $max } tadan ortiq qator bor (sarlavha bilan birga); uni kichikroq fayllarga boʻling
trade-csv-too-large = fayl hajmi { $size } bayt; chegara — { $max } bayt
trade-csv-malformed = bu satrni CSV sifatida oʻqib boʻlmaydi (ortiqcha qoʻshtirnoq yoki notoʻgʻri matn)
trade-csv-width = bu satrda { $cells } ta katak bor, sarlavhada esa { $expected } ta (qiymat ichida qoʻshtirnoqsiz vergul, masalan 12,5?)
trade-csv-empty = qiymat kiritilishi shart
trade-csv-not-decimal = “{ $value }” 12.50 kabi oddiy oʻnli son emas
trade-csv-decimal-comma = “{ $value }” oʻnli vergul bilan yozilgan; nuqta bilan yozing, masalan 12.5
trade-csv-negative = “{ $value }” manfiy
trade-csv-too-big = “{ $value }” juda katta
trade-csv-unit = “{ $value }” maʼlum oʻlchov birligi emas (kg, l, pcs, pair, m, m2, m3, cm3)
trade-csv-currency = “{ $value }” valyuta kodi emas (ISO 4217, masalan USD, EUR, UZS)
trade-csv-date = “{ $value }” sana emas (YYYY-MM-DD)

## Deklaratsiya

trade-empty = toʻldirilishi shart
trade-text-too-long = uzunligi { $length } belgi; chegara — { $max }
trade-control-chars = qator uzilishlari yoki boshqaruv belgilari boʻlmasligi kerak
trade-country = “{ $value }” ikki harfli mamlakat kodi emas (ISO 3166, masalan UZ, CN)
trade-jurisdiction = “{ $value }” yurisdiksiya kodi emas (ikki bosh harf, masalan UZ, EU, FI)
trade-hs-length = “{ $value }” { $digits } ta raqamdan iborat; TN kodi 6 dan 10 tagacha raqamdan iborat
trade-hs-leading-zero = “{ $value }” { $digits } ta raqamdan iborat; TN kodi 6 dan 10 tagacha raqamdan iborat — jadval dasturi boshidagi nolni tashlab yuborgan boʻlishi mumkin (080111 → 80111)
trade-hs-chars = “{ $value }” TN kodi emas: faqat raqamlar, nuqtalar va boʻshliqlar
trade-vague-description = “{ $value }” juda umumiy: tovar nima ekanini va nimadan tayyorlanganini yozing
trade-not-positive = noldan katta boʻlishi kerak
trade-negative = manfiy boʻlmasligi kerak
trade-too-big = { $max } dan oshmasligi kerak
trade-gross-below-net = brutto vazn { $gross } kg netto vazn { $net } kg dan kam
trade-line-currency = satr { $line } da, hisob-faktura esa { $invoice } da
trade-invoice-after-declaration = hisob-faktura sanasi { $invoice } deklaratsiya sanasi { $declaration } dan keyin
trade-no-lines = deklaratsiyada satrlar yoʻq
trade-too-many-lines = { $count } ta satr; deklaratsiyada koʻpi bilan { $max } ta boʻladi

## Hisoblash xatolari

trade-error-rules = savdo qoidalaridan foydalanib boʻlmaydi ({ $count } ta muammo)
trade-error-invalid = deklaratsiyada { $count } ta muammo bor
trade-error-assessment = deklaratsiyani hisoblab boʻlmaydi ({ $count } ta muammo)
trade-export-not-assessed = eksport tekshiriladi, lekin hisoblanmaydi: eksport bojlari modellashtirilmagan
trade-rules-jurisdiction = deklaratsiya { $declaration } uchun, qoidalar esa { $rules } uchun
trade-tariff-jurisdiction = tarif { $tariff } uchun, deklaratsiya esa { $declaration } uchun
trade-rules-not-in-force = qoidalar { $from } dan amal qiladi; deklaratsiya sanasi { $date }
trade-rates-after-date = valyuta kurslari { $rates } sanasiga oid, bu deklaratsiya sanasi { $date } dan keyin
trade-no-rate = { $date } sanasidagi { $source } da { $currency } kursi yoʻq
trade-no-tariff-line = { $date } sanasida { $jurisdiction } tarifida { $hs } TN kodi uchun satr yoʻq
trade-no-vat-rate = { $date } sanasida { $hs } TN kodi uchun QQS stavkasi yoʻq: uni na tarif satri, na qoidalar beradi
trade-freight-required = { $incoterm } narxiga yuk tashish kirmaydi: chegaragacha yuk tashish xarajatini kiriting (boʻlmasa 0)
trade-freight-in-price = { $incoterm } narxiga yuk tashish allaqachon kiritilgan; uni qayta qoʻshmang
trade-insurance-in-price = { $incoterm } narxiga sugʻurta allaqachon kiritilgan; uni qayta qoʻshmang
trade-fee-not-in-force = rasmiylashtiruv yigʻimi jadvali { $from } dan amal qiladi; { $date } uchun yigʻim miqdori yoʻq
trade-brv-missing = { $date } uchun BHM (bazaviy hisoblash miqdori) maʼlum emas

## Qoidalar fayllari

trade-rules-too-large = qoidalar fayli { $max } baytdan katta
trade-rules-json = qoidalar fayli notoʻgʻri: { $detail }
trade-rules-unknown = “{ $value }” uchun savdo qoidalari yoʻq
trade-rules-format = { $format } formati qoʻllab-quvvatlanmaydi (1 kutilgan)
trade-rules-source = “{ $key }” manbasi sources roʻyxatida yoʻq
trade-rules-brv-currency = BHM qoidalar valyutasida boʻlishi kerak
trade-rules-brv-missing = BHMda belgilangan rasmiylashtiruv yigʻimi uchun kamida bitta BHM qiymati kerak
trade-rules-band-bounds = oxirgisidan tashqari har bir yigʻim oraligʻida up_to yoki below dan faqat bittasi boʻlishi kerak; oxirgisida hech biri boʻlmaydi
trade-rules-band-order = yigʻim oraliqlari oʻsish tartibida boʻlishi kerak
trade-rules-periods = davrlar sana tartibida va bir-birini qoplamasdan boʻlishi kerak

## Shablonlar

trade-template-name = shablonga 1 dan { $max } tagacha belgidan iborat nom kerak
trade-template-missing = shablonda bu qiymat yoʻq va joʻnatma ham uni bermaydi
trade-template-no-line = { $line }-satr yoʻq: shablonda { $count } ta satr bor

## Hisoblash qadamlari

trade-step-valuation = Bojxona qiymati asosi: { $basis } ({ $source }, { $confidence }).
trade-step-rates = Valyuta kurslari: { $date } sanasidagi { $source }.
trade-step-convert = { $amount } × { $rate } = { $result } ({ $date } sanasidagi { $source }).
trade-step-value = Hisob-faktura qiymati { $value }.
trade-step-fob-excluded = FOB asosi: yuk tashish va sugʻurta bojxona qiymatiga kirmaydi.
trade-step-freight-total = Yuk tashish { $amount }, satrlar orasida qiymatga koʻra taqsimlangan.
trade-step-insurance-total = Sugʻurta { $amount }, satrlar orasida qiymatga koʻra taqsimlangan.
trade-step-freight-share = { $total } yuk tashish xarajatidan ulush: { $result }.
trade-step-insurance-share = { $total } sugʻurtadan ulush: { $result }.
trade-step-customs-value = Bojxona qiymati ({ $basis }): { $value } + yuk tashish { $freight } + sugʻurta { $insurance } = { $result }.
trade-step-tariff = Tarif satri { $hs } (fayldagi { $row }-qator): boj { $duty }, aksiz { $excise }.
trade-step-source = Manba: { $source } ({ $confidence }), { $from } dan amal qiladi.
trade-step-ad-valorem = { $base } × { $rate } = { $result }.
trade-step-specific = { $quantity } { $unit } × { $rate } = { $result }.
trade-step-sum = Qismlar yigʻindisi: { $result }.
trade-step-max = Kattaroq summa qoʻllaniladi: { $result }.
trade-step-min = Kichikroq summa qoʻllaniladi: { $result }.
trade-step-rounded = { $amount } { $result } gacha yaxlitlandi.
trade-step-vat = QQS: ({ $value } + boj { $duty } + aksiz { $excise }) = { $base } × { $rate } = { $result }.
trade-step-low-value = Tovarlar qiymati { $value }, { $threshold } dan oshmaydi: { $from } dan amal qiluvchi kam qiymatli joʻnatmalar rejimi qoʻllaniladi.
trade-step-low-value-above = Tovarlar qiymati { $value }, { $threshold } dan ortiq: tarif boji qoʻllaniladi.
trade-step-low-value-excise = Satrlardan birida aksiz bor: kam qiymatli joʻnatmalar rejimi qoʻllanilmaydi.
trade-step-duty-relief = Bojxona boji yoʻq: ahamiyatsiz qiymatdagi joʻnatma.
trade-step-flat-total = Har bir tarif subpozitsiyasi uchun qatʼiy boj { $amount } × { $count } ta subpozitsiya = { $result }.
trade-step-flat-share = { $subheading } subpozitsiyasi: { $amount } { $lines } ta satr orasida taqsimlandi; bu satr ulushi { $result }.
trade-step-fee-band-up-to = Umumiy bojxona qiymati { $value } { $bound } dan oshmaydi: { $multiple } × BHM.
trade-step-fee-band-below = Umumiy bojxona qiymati { $value } { $bound } dan kam: { $multiple } × BHM.
trade-step-fee-band-top = Umumiy bojxona qiymati { $value } eng yuqori oraliqda: { $multiple } × BHM.
trade-step-fee = { $multiple } × BHM { $brv } ({ $from } dan) = { $result }.
