## Karvon xabarlar katalogi — oʻzbekcha (lotin yozuvi).
## Bu yerdagi har bir id en.ftl dagi id bilan bir xil boʻlishi kerak (test tekshiradi).

## Boshqa xabarlar ichida ishlatiladigan atamalar

kind-goods = tovarlar
kind-phone = telefon
kind-spirits = kuchli spirtli ichimliklar
kind-wine = vino
kind-sparkling-wine = koʻpikli vino
kind-beer = pivo
kind-other-alcohol = boshqa spirtli ichimlik
kind-cigarettes = sigaretlar
kind-cigarillos = sigarillalar
kind-cigars = sigaralar
kind-tobacco = tamaki
kind-heated-tobacco = qizdiriladigan tamaki
kind-perfume = atir
kind-medicine = dori vositalari
kind-food = oziq-ovqat mahsulotlari
kind-plants = oʻsimliklar
kind-animal-products = hayvonot mahsulotlari
kind-cash = naqd pul
mode-air = havo transporti
mode-sea = dengiz transporti
mode-rail = temir yoʻl transporti
mode-river = daryo transporti
mode-road = avtomobil transporti
mode-private-air = xususiy samolyot
mode-private-sea = xususiy kema
unit-litres = l
unit-pieces = dona
unit-grams = g
unit-ml = ml
unit-kg = kg
category-goods = boshqa tovarlar
category-alcohol = spirtli ichimliklar
category-wine = vino
category-beer = pivo
category-tobacco = tamaki mahsulotlari
category-perfume = atir-upa
category-phones = telefonlar
category-weight = tovarlar ogʻirligi
confidence-confirmed = tasdiqlangan
confidence-secondary = faqat ikkilamchi manbalar
confidence-unconfirmed = tasdiqlanmagan
confidence-conflict = manbalar bir-biriga zid
tax-duty = bojxona boji
tax-excise = aksiz
tax-vat = QQS
tax-gst = tovarlar va xizmatlar soligʻi (GST)
tax-consumption = isteʼmol soligʻi
compare-at-least = kam emas
compare-more-than = ortiq
type-array = roʻyxat
type-boolean = true yoki false
type-number = son
type-object = obyekt
type-string = matn
channel-green = YASHIL — deklaratsiya qilinadigan narsa yoʻq
channel-red = QIZIL — deklaratsiya qiling
status-exempt = bojsiz
status-dutiable = toʻlovli
status-not-allowed = taqiqlangan
status-declare-only = deklaratsiya
status-not-counted = hisoblanmaydi
severity-must = majburiy
severity-info = maʼlumot

## Qoidalar toʻplamlarida nomlangan sabablar

reason-personal-medicine = shaxsiy foydalanish uchun dori vositalari hisobga olinmaydi
reason-uz-phone-registration = mobil telefonlar qiymatidan qatʼi nazar deklaratsiya qilinishi shart (IMEI roʻyxatdan oʻtkazish)
reason-eaeu-alcohol-over-5l = 5 litrdan ortiq spirtli ichimlikni shaxsiy foydalanish uchun tovar sifatida olib kirish mumkin emas

## Qoidalar toʻplamlarida nomlangan eslatmalar

pack-notice-eu-flat-rate-choice = Bojga tortiladigan tovarlaringiz jami €700 yoki undan kam boʻlsa, 2,5 % qatʼiy stavka qoʻllaniladi; bojxonadan uning oʻrniga tarif stavkalarini qoʻllashni soʻrashingiz mumkin.
pack-notice-fi-wrong-lane = Finlyandiyada deklaratsiya qilinishi kerak boʻlgan tovarlar bilan yashil yoʻlakdan oʻtish tovarlarning olib qoʻyilishiga, ikki baravar soliqqa yoki bojxona huquqbuzarligi uchun javobgarlikka olib kelishi mumkin.
pack-notice-gb-online-caps = Onlayn deklaratsiyada cheklovlar bor (masalan, 110 l pivo, 90 l vino, 10 l kuchli spirtli ichimlik, 800 dona sigaret, 50 ta boshqa tovar, £97 000 soliq); ulardan oshsa, qizil yoʻlakdan foydalaning.
pack-notice-jp-officer-selects = Yaponiya bojxonasi bojsiz buyumlarni yoʻlovchi foydasiga tanlaydi; koʻrsatilgan taqsimot eng foydali variantdir.
pack-notice-jp-small-kinds-free = Xorijdagi umumiy qiymati ¥10 000 yoki undan kam boʻlgan har qanday turdagi tovarlar bojsiz va hisobga olinmaydi.
pack-notice-jp-under-6 = 6 yoshga toʻlmagan bolalar uchun normalar faqat aniq bolaga moʻljallangan buyumlarga nisbatan qoʻllaniladi.
pack-notice-sg-liquor-not-from-malaysia = Malayziyadan kelganda spirtli ichimliklar boʻyicha imtiyoz qoʻllanilmaydi.
pack-notice-sg-no-tobacco-concession = Singapurda sigaret va tamaki uchun bojsiz imtiyoz yoʻq.
pack-notice-sg-receipt-date-place = Customs@SG kvitansiyasi faqat siz deklaratsiyada koʻrsatgan kelish sanasi va joyida amal qiladi.
pack-notice-tr-conflict = Turkiya normasi boʻyicha manbalar bir-biriga zid (hozir €430 / €150, eskiroq matnlarda €300 / €145), qatʼiy stavka esa tasdiqlanmagan.
pack-notice-ae-conflict = BAA boʻyicha sigaret normasi (200 yoki 400) va naqd pul chegarasi (AED 60 000 yoki 100 000) haqida manbalar bir-biriga zid.
pack-notice-uz-start-date-conflict = Oʻzbekistonda xorijda boʻlishning eng kam muddati qoidasi qachondan kuchga kirgani haqida manbalar bir-biriga zid (2025-yil 1-may yoki 20-iyul).
pack-notice-us-flat-rate-30-days = 3 % qatʼiy stavka va $800 imtiyozidan 30 kunda bir marta foydalanish mumkin.

## Hisob-kitob bosqichlari

step-converted = Konvertatsiya: { $amount }, kurs { $rate } = { $result }.
step-used = Olib chiqilgan va qaytib olib kirilgan shaxsiy buyumlar hisobga olinmaydi.
step-exempt = Bojsiz norma doirasida.
step-prohibited = Ruxsat etilmaydi: { $reason }.
step-not-counted = Hisobga olinmaydi: { $reason }.
step-must-declare = Deklaratsiya qilinishi shart: { $reason }.
step-under-age = Yoʻlovchining yoshi { $age }, { $category } uchun eng kam yosh — { $min }.
step-allowances-removed = Bojsiz norma qoʻllanilmaydi: xorijda boʻlish muddati juda qisqa.
step-allowance-not-applicable = Bojsiz norma qoʻllanilmaydi ({ $category }):
step-cond-mode = { $mode } orqali safar uchun emas
step-cond-min-age = yoshi { $age }, eng kam yosh — { $min }
step-cond-max-age = yoshi { $age }, eng katta yosh — { $max }
step-cond-min-days = xorijda { $days } kun boʻlingan, eng kam muddat — { $min } kun
step-cond-max-days = xorijda { $days } kun boʻlingan, eng koʻp muddat — { $max } kun
step-cond-residents-only = faqat rezidentlar uchun
step-cond-non-residents-only = faqat norezidentlar uchun
step-cond-status = “{ $status }” maqomidagi yoʻlovchilar uchun emas
step-over-cap = { $total } { $unit } belgilangan chegaradan ({ $cap } { $unit }) ortiq.
step-within-quantity = Bojsiz norma doirasida — { $category } (foydalanildi: { $used }, norma: { $limit }).
step-over-quantity-all = Bojsiz normadan oshib ketilgan — { $category } (foydalanildi: { $used }, norma: { $limit }): hammasi toʻlovga tortiladi.
step-over-quantity-part = Jami { $quantity }, shundan { $covered } — { $category } boʻyicha bojsiz norma doirasida; qolgani toʻlovga tortiladi.
step-option-chosen = Imtiyoz ({ $category }): { $option }-variant qoʻllanildi (siz uchun eng arzoni).
step-no-allowance-for-kind = Bojsiz norma { $kind } uchun nazarda tutilmagan: toʻliq toʻlovga tortiladi.
step-in-value-allowance = Qiymat boʻyicha bojsiz norma doirasida (foydalanildi: { $used }, norma: { $limit }).
step-whole-category-exceeded = Tovarlar jami { $used }, bu { $limit } normasidan ortiq: barcha tovarlar toʻlovga tortiladi.
step-excess-part = { $exempt } — { $limit } normasi doirasida; undan ortiq { $dutiable } toʻlovga tortiladi.
step-indivisible-exempt = { $limit } normasiga kiritildi (faqat butun buyumlar).
step-indivisible-taxed = Toʻlovga tortiladi: { $limit } normasiga faqat butun buyumlar kiradi, boshqa buyumlarni kiritish esa siz uchun foydaliroq.
step-indivisible-too-large = Qiymati { $value }, bu { $limit } normasidan ortiq: toʻliq toʻlovga tortiladi.
step-single-payment = Boj, QQS va aksiz oʻrniga yagona bojxona toʻlovi: { $result }.
step-percent = { $base } × { $rate } = { $result }.
step-per-unit = { $quantity } { $unit } × { $rate } = { $result }.
step-max = Kattaroq summa qoʻllaniladi: { $result }.
step-flat-rate = Qatʼiy stavka: { $base } × { $rate } = { $result } (toʻlovga tortiladigan tovarlar uchun chegara — { $ceiling }).
step-flat-exceeded = Toʻlovga tortiladigan tovarlar qiymati { $ceiling } chegarasidan ortiq: qatʼiy stavka oʻrniga tarif stavkalari qoʻllaniladi.
step-band = Qatʼiy stavkali oraliq: { $base } × { $rate } = { $result } (oraliq kengligi — { $width }).
step-tariff-own = Tarif boʻyicha boj: { $base } × { $rate } = { $result }.
step-tariff-estimated = Tarif boʻyicha boj (taxminiy): { $base } × { $rate } = { $result }.
step-vat = { $tax }: { $base } × { $rate } = { $result }.
step-rate-unknown = Qoidalar toʻplamida { $tax } stavkasi yoʻq: hisoblanmadi.
step-value-missing = Qiymat koʻrsatilmagan: { $tax } hisoblanmadi.
step-quantity-missing = Miqdor ({ $unit }) koʻrsatilmagan: bu qism hisoblanmadi.
step-no-charge-rule = Qoidalar toʻplamida bu tovar uchun stavka yoʻq: hisoblanmadi.
step-cash-declare = Naqd pul jami { $total } — { $threshold } chegarasidan { $compare }: uni deklaratsiya qiling.
step-cash-below = Naqd pul jami { $total } — { $threshold } chegarasidan kam.
step-cash-no-rule = Qoidalar toʻplamida naqd pul uchun chegara belgilanmagan.

## Eslatmalar

notice-cash = Naqd pulingizni deklaratsiya qiling: jami { $total } — { $threshold } chegarasidan { $compare }.
notice-must-declare = { $item }-tovar ({ $description }) deklaratsiya qilinishi shart: { $reason }.
notice-not-allowed-for-age = { $item }-tovar ({ $description }) ruxsat etilmaydi: yoʻlovchining yoshi { $age }, eng kam yosh — { $min }.
notice-prohibited = { $item }-tovar ruxsat etilmaydi: { $reason }.
notice-over-cap = Bir yoʻlovchi olib kirishi mumkin boʻlgan chegara — { $cap } { $unit }, sizda esa { $total } { $unit } ({ $category }): ruxsat etilmaydi.
notice-allowance-exceeded = { $traveller }: { $category } boʻyicha bojsiz normadan oshib ketilgan.
notice-value-exceeded = { $travellers }: tovarlar qiymati { $used }, bu { $limit } normasidan ortiq.
notice-weight-exceeded = Tovarlar ogʻirligi { $weight } kg, bu { $limit } kg normasidan ortiq.
notice-officer-decides = Barcha buyumlaringiz { $limit } normasiga sigʻmaydi: koʻrsatilgan taqsimot siz uchun eng arzon, ammo yakuniy qarorni bojxona xodimi qabul qiladi.
notice-min-stay = Bojsiz norma qoʻllanilmaydi: siz xorijda { $days } kun boʻlgansiz, { $mode } orqali kelganda esa kamida { $min } kun talab etiladi; barcha tovarlar toʻlovga tortiladi.
notice-no-allowance = { $traveller } uchun bu yerda qiymat boʻyicha bojsiz norma yoʻq.
notice-pooling-refused = Bu yerda normalarni birlashtirib boʻlmaydi: har bir yoʻlovchining oʻz normasi bor.
notice-pooling-applied = Umumiy deklaratsiya boʻyicha oilangiz aʼzolarining normalari birlashtirildi.
notice-amount-incomplete = Baʼzi stavkalar qoidalar toʻplamida yoʻq: haqiqiy toʻlanadigan summa koʻrsatilganidan koʻproq.
notice-rate-estimated = { $item }-tovar: tarif boʻyicha boj { $rate } stavkada taxminan hisoblandi; haqiqiy stavka tovarning TIF TN (HS) kodiga bogʻliq.
notice-quantity-missing = { $item }-tovar: eng kam toʻlovni hisoblash uchun zarur miqdor koʻrsatilmagan; toʻlov koʻproq boʻlishi mumkin.
notice-rule-unconfirmed = Foydalanilgan koʻrsatkich ({ $figure }) holati: { $confidence }. Manba: { $url }

## Notoʻgʻri kiritilgan maʼlumotlar

input-syntax = yaroqsiz JSON ({ $line }-qator, { $column }-ustun): { $detail }
input-too-large = fayl hajmi { $limit } baytdan katta
input-missing = majburiy maydon
input-type = { $expected } boʻlishi kerak
input-negative = manfiy boʻlishi mumkin emas
input-not-positive = noldan katta boʻlishi kerak
input-not-whole = butun son boʻlishi kerak
input-too-big = koʻpi bilan { $max } boʻlishi kerak
input-not-decimal = oʻnli son boʻlishi kerak
input-too-precise = kasr qismidagi raqamlar aniq ifodalab boʻlmaydigan darajada koʻp
input-date = “{ $value }” sana emas (YYYY-MM-DD)
input-unknown-mode = “{ $value }” transport turi emas (air, sea, rail, river, road, private_air, private_sea)
input-unknown-kind = “{ $value }” tovar turi emas
input-unknown-spirit = “{ $value }” kuchli spirtli ichimlik turi emas (whisky, brandy, rum, gin, vodka, liqueur, other)
input-unknown-currency = “{ $code }” ISO 4217 valyuta kodi emas
input-unknown-field = nomaʼlum maydon (ruxsat etilganlar: { $allowed })
input-unknown-traveller = id “{ $id }” boʻlgan yoʻlovchi yoʻq
input-unknown-jurisdiction = “{ $value }” uchun qoidalar toʻplami yoʻq (mavjudlari: { $known })
input-duplicate-id = id “{ $id }” ikki marta ishlatilgan
input-empty-list = boʻsh boʻlishi mumkin emas
input-empty-text = boʻsh boʻlishi mumkin emas
input-text-too-long = uzunligi { $length } belgi; chegara — { $max }
input-too-many = { $count } ta element bor; chegara — { $max }
input-hs-code = 2 tadan 10 tagacha raqamdan iborat boʻlishi kerak
input-missing-for-kind = { $kind } uchun majburiy
input-missing-for-allowance = { $category } boʻyicha bojsiz normani tekshirish uchun zarur
input-missing-rate = { $currency } uchun valyuta kursi yoʻq: uni “rates” boʻlimiga qoʻshing (1 { $currency } uchun { $pack } miqdori)

## Qoidalar toʻplamidagi xatolar

pack-error-syntax = yaroqsiz JSON: { $detail }
pack-error-format = { $detail }
pack-error-too-large = toʻplam hajmi { $limit } baytdan katta
pack-error-unknown-parent = “{ $parent }” toʻplamini kengaytiradi, lekin u yuklanmagan
pack-error-unknown-source = “{ $detail }” manbasiga havola qiladi, lekin u “sources” roʻyxatida yoʻq
pack-error-format-version = format versiyasi qoʻllab-quvvatlanmaydi (1 kutilgan)
pack-error-id = 2 yoki 3 ta lotin bosh harfidan iborat boʻlishi kerak
pack-error-url = http(s) URL boʻlishi kerak
pack-error-empty = boʻsh boʻlishi mumkin emas
pack-error-range = ruxsat etilgan oraliqdan tashqarida
pack-error-whole = butun son boʻlishi kerak
pack-error-vat-name = tax-vat, tax-gst yoki tax-consumption boʻlishi kerak
pack-error-term = katalogdagi xabar nomi boʻlishi kerak (reason-… yoki pack-notice-…)
pack-error-missing = majburiy maydon
pack-error-attach = miqdoriy norma excess yoki whole_category usulida qoʻllaniladi
pack-error-unit = oʻlchov birligi hisoblanadigan tovar turlariga mos emas
pack-error-option = nomaʼlum element yoki manfiy limit koʻrsatilgan
pack-error-cap = chegara uchun aynan bitta element kerak
pack-error-single = yagona toʻlov boj, aksiz va QQS oʻrnini bosadi: ularni koʻrsatmang
pack-error-no-vat = QQS undiriladi, lekin toʻplamda “vat” yoʻq

## Buyruq satri

cli-error = xato
cli-error-at = { $path }: { $problem }
cli-pack-error = qoidalar toʻplami { $file }, maydon { $field }: { $problem }
cli-io-error = { $path } faylini oʻqib boʻlmadi: { $detail }
cli-header = { $jurisdiction } · kelish sanasi { $arrival } · toʻplam kuchga kirgan sana: { $valid }
cli-col-item = №
cli-col-description = Tovar
cli-col-status = Holat
cli-col-value = Qiymat
cli-col-duty = Boj
cli-col-vat = QQS
cli-col-excise = Aksiz
cli-col-rule = Qoida
cli-totals = Jami
cli-total-due = Jami toʻlanadigan summa: { $amount }
cli-incomplete = (toʻliq emas: baʼzi stavkalar nomaʼlum)
cli-channel = Yoʻlak: { $channel }
cli-notices = Eslatmalar
cli-explanations = Har bir summa qanday hisoblangan
cli-source = manba: { $url }
cli-packs-header = Qoidalar toʻplamlari

## HS nomenklaturasi

input-hs-header = birinchi qator “{ $found }” emas, “{ $expected }” boʻlishi kerak
input-hs-fields = { $count } ta maydon bor, { $expected } ta boʻlishi kerak (qoʻshtirnoq ichidagi maydon uzilib qolgan boʻlishi mumkin)
input-hs-section = “{ $value }” boʻlim emas (XVI kabi rim raqami kutilgan)
input-hs-code-digits = “{ $code }” kodi faqat raqamlardan iborat boʻlishi kerak
input-hs-level = “{ $value }” HS darajasi emas (2, 4 yoki 6 boʻlishi kerak)
input-hs-level-mismatch = “{ $code }” kodi { $length } ta raqamdan iborat, lekin uning darajasi { $level }
input-hs-parent = yuqori darajadagi kod “{ $parent }” emas, “{ $expected }” boʻlishi kerak
input-hs-parent-missing = “{ $code }” kodining yuqori darajadagi kodi “{ $parent }” faylda yoʻq
input-hs-duplicate = “{ $code }” kodi { $first }-qatorda allaqachon bor
input-hs-empty = faylda birorta ham HS kodi yoʻq
input-hs-utf8 = matn UTF-8 kodlashida emas
input-hs-syntax = yaroqsiz CSV: { $detail }
input-hs-lookup-code = 2, 4 yoki 6 raqamli HS kodi yoki 8–10 raqamli milliy kod boʻlishi kerak

## Valyuta kurslari

rates-too-large = fayl hajmi { $limit } baytdan katta
rates-empty = fayl boʻsh
rates-not-utf8 = fayl UTF-8 matni emas
rates-unknown-format = bu tanish kurslar fayli emas (Oʻzbekiston Markaziy banki JSON yoki Yevropa Markaziy banki XML yoki CSV fayli kutiladi)
rates-syntax = fayl buzilgan yoki oxirigacha yozilmagan: { $detail }
rates-no-rates = faylda valyuta kurslari yoʻq
rates-csv-date-column = sarlavha “Date” bilan boshlanishi kerak, “{ $found }” topildi
rates-not-code = “{ $value }” uch harfli valyuta kodi emas
rates-duplicate-column = { $code } ustuni ikki marta uchraydi
rates-csv-short = qator erta tugagan: bu qiymat yoʻq
rates-csv-extra = oxirgi ustundan keyin kutilmagan qiymat: “{ $value }”
rates-not-rate = “{ $value }” kurs emas (musbat oʻnli son yoki kurs yoʻq boʻlsa N/A boʻlishi kerak)
rates-not-decimal = “{ $value }” musbat oʻnli son emas
rates-not-positive = “{ $value }” musbat emas: kurs noldan katta boʻlishi kerak
rates-out-of-range = “{ $value }” kursi aniq hisoblab boʻladigan chegaradan tashqarida
rates-date = “{ $value }” sana emas
rates-duplicate-date = { $date } sanasi ikki marta uchraydi
rates-duplicate-currency = { $code } { $date } sanasi uchun ikki marta berilgan
rates-missing = majburiy qiymat koʻrsatilmagan
rates-type = matn yoki son boʻlishi kerak
rates-cbu-entry = har bir yozuv obyekt boʻlishi kerak
input-same-currency = asosiy valyutadan ({ $code }) farq qilishi kerak

## Ombor, safarlar, xaridlar, holat va ogohlantirishlar

entity-trip = safar
entity-traveller = sayohatchi
entity-purchase = xarid
entity-party = guruh
entity-receipt = chek
entity-alert = ogohlantirish
entity-hs_code = TN kodi
entity-rate = valyuta kursi
source-cbu = O‘zbekiston Respublikasi Markaziy banki
source-ecb = Yevropa Markaziy banki
source-user-entered = siz kiritgan
input-ambiguous-id = “{ $id }” bir nechta yozuvga mos keladi; ko‘proq belgi kiriting
input-control-chars = boshqaruv belgilarini o‘z ichiga olmasligi kerak
input-country = “{ $value }” ikki harfli mamlakat kodi emas (ISO 3166, masalan UZ, FI)
input-file-empty = fayl boʻsh
input-file-too-large = fayl hajmi { $size } bayt; chegara { $max } bayt
input-not-a-file = oddiy fayl emas
input-traveller-has-purchases = bu sayohatchining safarda { $purchases } ta xaridi bor; avval ularni ko‘chiring yoki o‘chiring
input-traveller-on-trip = bu sayohatchi { $trips } ta safarda; avval uni o‘sha safarlardan chiqaring
error-clock = qurilma soati sinxronlash soatini oldinga sura olmaydi
error-db = ma’lumotlar bazasi xatosi: { $detail }
error-db-busy = ma’lumotlar bazasi boshqa dasturda band; qayta urinib ko‘ring
error-db-cannot-open = ma’lumotlar bazasini ochib bo‘lmadi: { $detail }
error-db-corrupt = ma’lumotlar bazasi fayli shikastlangan: { $detail }
error-db-full = disk to‘lgan; hech narsa saqlanmadi
error-db-read-only = ma’lumotlar papkasi faqat o‘qish uchun; hech narsa saqlanmadi
error-db-value = saqlangan qiymat shikastlangan ({ $field })
error-disk-full = { $path } yozilayotganda disk to‘ldi; hech narsa saqlanmadi
error-read-only = { $path } ga yozib bo‘lmadi (faqat o‘qish yoki ruxsat yo‘q); hech narsa saqlanmadi
error-feed = { $file }, { $at }: { $problem }
error-key-invalid = kalit fayli yaroqli Karvon kaliti emas
error-key-mismatch = shaxsiy ma’lumotlarni bu kalit bilan ochib bo‘lmaydi (noto‘g‘ri kalit yoki shikastlangan ma’lumot)
error-key-random = tizim tasodifiy sonlar bermadi
error-key-seal = shaxsiy ma’lumotlarni shifrlab bo‘lmadi
error-no-data = ma’lumotlar papkasi yo‘q: --data DIR bering yoki KARVON_DATA ni o‘rnating
error-not-found = “{ $id }” { $entity } topilmadi
error-receipt-damaged = { $path } chek fayli nazorat yig‘indisiga mos emas (shikastlangan yoki o‘zgartirilgan)
error-schema-newer = ma’lumotlar bazasi Karvonning yangiroq versiyasida yaratilgan (sxema { $found }; bu versiya { $known } gacha biladi); Karvonni yangilang
status-no-rate = { $date } yoki undan oldin { $from } dan { $to } ga valyuta kursi yo‘q; kurslarni import qiling yoki qo‘shing
what-if-to-red = Buni sotib olsangiz, qizil yo‘lakka o‘tasiz va { $extra } to‘laysiz.
what-if-costs = Buni sotib olish to‘lovingizga { $extra } qo‘shadi.
what-if-free = Buni sotib olish bojxonada qo‘shimcha to‘lov talab qilmaydi.
what-if-no-rate = Bu xarid valyutasi va sanasi uchun kurs yo‘q; avval kurslarni import qiling yoki qo‘shing.
alert-allowance-80 = { $who }: { $category } imtiyozining { $percent } qismi ishlatildi.
alert-allowance-100 = { $who }: { $category } imtiyozi tugadi ({ $percent }).
alert-first-dutiable = “{ $description }” — to‘lov olinadigan birinchi buyum: hozircha { $total } to‘lanadi.
alert-plan-exceeded = Xarajat rejasi oshib ketdi: { $plan } dan { $spent } sarflandi.
alert-cash-threshold = Olib o‘tayotgan naqd pulingiz deklaratsiya chegarasiga yetdi: uni deklaratsiya qiling.
alert-must-declare = “{ $description }” bojxonada deklaratsiya qilinishi shart.
cli-created = { $entity } saqlandi: { $id }
cli-saved = { $entity } o‘zgartirildi: { $id }
cli-deleted = { $entity } o‘chirildi: { $id } (karvon undo uni qaytaradi)
cli-restored = { $entity } qaytarildi: { $id }
cli-nothing-to-undo = Bekor qilinadigan amal yo‘q.
cli-travellers-header = Sayohatchilar
cli-traveller-line = { $id }  { $name } · tug‘ilgan { $born } · yashash joyi { $residency }
cli-trips-header = Safarlar
cli-trip-line = { $id }  { $name } · { $jurisdiction } · kelish { $arrival } · { $mode } · chet elda { $days } kun
cli-purchase-line = { $id }  { $date }  { $description } · { $kind } · { $value }
cli-no-purchases = Hozircha xaridlar yo‘q.
cli-status-header = { $name }: { $jurisdiction }, kelish { $arrival }, { $mode }, chet elda { $days } kun
cli-allowances = Imtiyozlar
cli-allowance-line = { $who } · { $category }: { $limit } dan { $used } ({ $percent }), { $remaining } qoldi
cli-projected = Shu xaridlar bilan kelsangiz: { $total } to‘lanadi · { $channel }
cli-plan = Xarajat rejasi: { $plan } dan { $spent } sarflandi, { $remaining } qoldi
cli-plan-over = Xarajat rejasi: { $plan } dan { $spent } sarflandi, { $over } ortiqcha
cli-rates-used = Ishlatilgan valyuta kurslari
cli-rate-line = 1 { $from } = { $rate } { $to } · { $source }, { $date } ({ $age } kun oldingi) · { $origin }
cli-left-out = Hisobdan chetda qolganlar
cli-alerts = Ogohlantirishlar
cli-no-alerts = Ogohlantirishlar yo‘q.
cli-what-if-totals = To‘lov: hozir { $before }, u bilan { $after } · { $channel }
cli-rates-imported = { $source } dan { $tables } ta kurs jadvali ({ $rates } ta kurs) import qilindi, { $first } — { $last }
cli-rates-skipped = O‘tkazib yuborildi (amaldagi ISO 4217 valyutasi emas): { $codes }
cli-rate-saved = Kurs saqlandi.
cli-no-rates = Hozircha valyuta kurslari saqlanmagan.
cli-rate-table-line = { $source } · asos { $base } · { $date } · { $count } ta kurs · { $origin }
cli-hs-imported = TN nomenklaturasi import qilindi: { $chapters } ta guruh, { $headings } ta pozitsiya, { $subheadings } ta subpozitsiya
cli-hs-none = Mos TN kodi topilmadi.

## Pochta deklaratsiyalari (CN 22 / CN 23)

postal-category-gift = sovgʻa
postal-category-documents = hujjatlar
postal-category-commercial-sample = tijorat namunasi
postal-category-returned-goods = qaytarilgan tovarlar
postal-category-sale-of-goods = tovar sotuvi
postal-category-other = boshqa
input-postal-form = “{ $found }” emas, “{ $expected }” boʻlishi kerak
input-postal-unknown-category = “{ $value }” toifa emas (gift, documents, commercial_sample, returned_goods, sale_of_goods, other)
input-postal-unknown-action = “{ $value }” koʻrsatma emas (return, abandon)
input-postal-unknown-route = “{ $value }” joʻnatish usuli emas (priority, non_priority)
input-postal-item-id = UPU S10 joʻnatma raqami boʻlishi kerak: 2 harf, 9 raqam, 2 harf (masalan, RR123456785UZ)
input-postal-phone = telefon raqami boʻlishi kerak (raqamlar, boʻshliqlar va + - ( ) . /)
input-postal-email = name@example.uz kabi elektron pochta manzili boʻlishi kerak
input-postal-category-twice = “{ $category }” ikki marta belgilangan
input-postal-gift-commercial = tijorat joʻnatmalari uchun “sovgʻa” belgilanmaydi (bu yerda: { $category })
input-postal-explanation-required = toifa “boshqa” boʻlsa, majburiy: joʻnatma nima ekanini yozing
input-postal-vague-description = “{ $value }” juda umumiy: har bir buyum nima ekanini, nimadan yasalganini va nima uchun moʻljallanganini yozing (masalan, “2 ta erkaklar paxta koʻylagi”)
input-postal-currency-mismatch = umumiy qiymat valyutasi — { $expected } boʻlishi kerak ({ $found } emas)
input-postal-hs-code = 6 tadan 10 tagacha raqamdan iborat HS tarif raqami boʻlishi kerak
input-postal-hs-required = tijorat joʻnatmalari uchun majburiy: HS tarif raqami (kamida 6 ta raqam)
input-postal-origin-required = tijorat joʻnatmalari uchun majburiy: tovar ishlab chiqarilgan, tayyorlangan yoki yigʻilgan mamlakat
input-postal-total-weight = umumiy ogʻirlik ({ $total } kg) satrlardagi sof ogʻirliklar yigʻindisidan ({ $sum } kg) kam
input-postal-total-value = umumiy qiymat ({ $total }) satrlar yigʻindisiga ({ $sum }) teng emas
input-postal-cn23-required = { $value } — { $sdr } SDR, bu CN 22 uchun { $limit } SDR chegarasidan ortiq (1 SDR = { $rate }, { $source }, { $date }): CN 23 dan foydalaning
notice-postal-sdr-undecided = { $currency } uchun { $date } yoki undan oldingi sanadagi SDR kursi yoʻq: qiymat CN 22 ning { $limit } SDR chegarasiga sigʻishini aniqlab boʻlmaydi. Sanasi koʻrsatilgan SDR kursini qoʻshing.
notice-postal-sdr-at-limit = Qiymat aynan { $limit } SDR. CN 22 { $limit } SDR gacha ruxsat etiladi (India Post), lekin ayrim operatorlar { $limit } SDR va undan ortiq qiymat uchun CN 23 talab qiladi (Eswatini Post): pochtangizdan aniqlang.
notice-postal-cn22-weight = Joʻnatma ogʻirligi { $weight } kg. Ayrim operatorlar CN 22 ni faqat { $limit } kg gacha boʻlgan kichik paketlar uchun qabul qiladi (tasdiqlanmagan): pochtangizdan aniqlang.
notice-postal-invoice-missing = Tijorat joʻnatmalariga hisob-faktura ilova qilinishi kerak (Hong Kong Post): uning raqamini 14-katakka yozing.

## Payment drafts: fields, statuses, plain-text lines and input errors (karvon-domain payment)
payment-field-beneficiary-name = benefitsiar nomi
payment-field-payee-name = toʻlov oluvchining nomi
payment-field-payer-name = toʻlovchining nomi
payment-field-initiating-party = tashabbuskor
payment-field-remittance = toʻlov maqsadi matni
payment-field-information = toʻlovchiga izoh
payment-field-message-id = xabar identifikatori
payment-field-payment-info-id = toʻlov maʼlumotlari identifikatori
payment-field-end-to-end-id = oxirigacha identifikator (EndToEndId)
payment-field-account-number = hisob raqami
payment-field-bank-code = bank kodi
payment-status-draft = qoralama
payment-status-submitted = yuborilgan
payment-status-paid = toʻlangan
payment-text-amount = Summa: { $amount }
payment-text-payee = Toʻlov oluvchi: { $name }
payment-text-payee-at-filing = Toʻlov oluvchi: rekvizitlarni deklaratsiya topshirilganda bojxona beradi
payment-text-iban = IBAN: { $iban }
payment-text-bic = BIC: { $bic }
payment-text-account = Hisob raqami: { $account }
payment-text-bank-code = Bank kodi: { $code }
payment-text-reference = Kreditor havolasi: { $reference }
payment-text-due = Toʻlash muddati: { $date }
payment-text-purpose = Toʻlov maqsadi: { $text }
payment-text-purpose-code = Toʻlov maqsadi kodi: { $code }
payment-text-status = Holati: { $status }
input-rf-empty = kreditor havolasi boʻsh
input-rf-prefix = kreditor havolasi RF bilan boshlanadi
input-rf-check-digits = RF dan keyin ikkita nazorat raqami boʻlishi kerak
input-rf-character = { $position }-oʻrindagi “{ $character }” belgisi ruxsat etilmaydi; A–Z lotin harflari va raqamlardan foydalaning
input-rf-length = RF va nazorat raqamlaridan keyingi qism { $length } ta belgidan iborat; 1 tadan { $max } tagacha boʻlishi kerak
input-rf-checksum = nazorat raqamlari havolaga mos kelmaydi; yozishda xato yoʻqligini tekshiring
input-iban-empty = IBAN boʻsh
input-iban-country = IBAN ikki harfli mamlakat kodi bilan boshlanadi, “{ $value }” bilan emas
input-iban-unknown-country = { $country } mamlakatining IBAN raqamlari qoʻllab-quvvatlanmaydi
input-iban-check-digits = IBAN ning uchinchi va toʻrtinchi belgilari raqam boʻlishi kerak
input-iban-character = { $position }-oʻrindagi “{ $character }” belgisi ruxsat etilmaydi; A–Z lotin harflari va raqamlardan foydalaning
input-iban-length = { $country } mamlakatining IBAN raqami { $length } ta emas, { $expected } ta belgidan iborat
input-iban-checksum = IBAN nazorat raqamlari mos kelmaydi; yozishda xato yoʻqligini tekshiring
input-bic-length = BIC { $length } ta emas, 8 yoki 11 ta belgidan iborat
input-bic-character = BIC dagi { $position }-oʻrindagi “{ $character }” belgisi ruxsat etilmaydi
input-bic-country = BIC ning 5- va 6-belgilari mamlakat kodi (ikki harf) boʻlishi kerak
input-purpose-code = “{ $value }” toʻlov maqsadi kodi emas (toʻrt harf, masalan GOVT)
input-payment-required = { $field }: majburiy
input-payment-too-long = { $field }: { $length } ta belgi; chegara — { $max }
input-payment-control-chars = { $field }: qator uzilishi va boshqaruv belgilariga ruxsat yoʻq
input-payment-amount-too-small = summa kamida { $min } boʻlishi kerak
input-payment-amount-too-large = summa koʻpi bilan { $max } boʻlishi kerak
input-payment-amount-too-precise = { $currency } valyutasidagi summada koʻpi bilan { $places } ta kasr raqami boʻladi
input-payment-not-euro = EPC QR kodi faqat yevrodagi toʻlovlar uchun, { $currency } uchun emas
input-payment-both-remittances = kreditor havolasi (RF) yoki toʻlov maqsadi matnidan faqat bittasini kiriting
input-payment-bic-required = EPC QR kodining 001-versiyasi uchun toʻlov oluvchi bankining BIC kodi kerak
input-payment-qr-too-large = QR kod matni { $bytes } bayt; chegara — { $max }
input-payment-payee-at-filing = toʻlov oluvchining rekvizitlarini deklaratsiya topshirilganda bojxona beradi; bu eksport uchun ular kerak
input-payment-payee-not-iban = EPC QR kodi uchun toʻlov oluvchining IBAN raqami kerak
input-payment-no-transfers = toʻlov faylida kamida bitta oʻtkazma boʻlishi kerak
input-payment-timestamp = yaratilish vaqti ruxsat etilgan oraliqdan tashqarida
input-payment-status-backward = toʻlov holatini “{ $from }” holatidan “{ $to }” holatiga qaytarib boʻlmaydi
