# declare messages (uz)
## Yoʻlovchi deklaratsiyasi: atamalar

declare-reason-over-allowance = bojsiz olib kirish meʼyoridan ortiq
declare-reason-dutiable = bojga tortiladi (hech qanday imtiyoz qoplamaydi)
declare-reason-must-declare = qiymatidan qatʼi nazar deklaratsiya qilinishi shart
declare-reason-not-allowed = bu yoʻlovchi uchun olib kirish mumkin emas
declare-reason-restricted = cheklangan: ruxsatnoma kerak yoki taqiqlangan
declare-permit-sanitary = sanitariya sertifikati
declare-permit-phytosanitary = fitosanitariya sertifikati
declare-permit-veterinary = veterinariya sertifikati
declare-permit-licence = import litsenziyasi
declare-permit-prohibited = yoʻlovchilar uchun taqiqlangan
declare-cash-per-traveller = har bir yoʻlovchi uchun alohida hisoblanadi
declare-cash-per-party = butun guruh uchun birga hisoblanadi
declare-cash-yes = naqd pul deklaratsiya qilinadi
declare-cash-no = deklaratsiya qilinadigan naqd pul yoʻq

## Yoʻlovchi deklaratsiyasi: satrlar

declare-text-title = Yoʻlovchi deklaratsiyasi — { $jurisdiction }, kelish sanasi { $arrival }, transport: { $mode }
declare-text-pack = Qoidalar toʻplami { $date } dan amal qiladi
declare-text-declarant = Deklarant: { $traveller }
declare-text-traveller = Yoʻlovchi { $traveller }, yoshi { $age }
declare-text-guardian-named = { $traveller } tovarlarini vasiysi { $guardian } deklaratsiya qiladi.
declare-text-guardian-first-adult = { $traveller } tovarlarini guruhdagi birinchi voyaga yetgan yoʻlovchi { $guardian } deklaratsiya qiladi (vasiy koʻrsatilmagan).
declare-text-goods = Deklaratsiya qilinadigan tovarlar: { $count }
declare-text-no-goods = Deklaratsiya qilinadigan tovarlar yoʻq.
declare-text-unaccompanied = Kuzatuvsiz yuklar: { $count }
declare-text-item = { $item }-buyum: { $description } ({ $kind }), olib keluvchi: { $carrier }
declare-text-owner = egasi: { $owner }
declare-text-quantity = miqdori: { $amount } { $unit }
declare-text-value = qiymati: { $value }
declare-text-reason = sababi: { $reason }
declare-text-permit = kerak: { $permit } — { $authority }
declare-text-charges = boj { $duty }, { $vat_name } { $vat }, aksiz { $excise }; jami { $total }
declare-text-cash = Deklaratsiya qilinadigan naqd pul: chegara { $threshold } ({ $compare }, { $per })
declare-text-cash-holding = { $traveller } olib kelayotgan naqd pul: jami { $total }
declare-text-cash-amount = — { $amount }
declare-text-totals = Jami: boj { $duty }, { $vat_name } { $vat }, aksiz { $excise }; toʻlanadigan jami summa { $total }
declare-text-incomplete = Ayrim stavkalar nomaʼlum: toʻlanadigan summa koʻrsatilganidan koʻproq.
declare-text-channel = Yoʻlak: { $channel }
declare-verdict-green = Deklaratsiya qilinadigan narsa yoʻq: meʼyordan ortiq tovar, har doim deklaratsiya qilinadigan tovar, cheklangan tovar, kuzatuvsiz yuk va chegaraga yetgan naqd pul yoʻq.
declare-verdict-red = Deklaratsiya qilinadi: olib kelinayotgan buyumlar { $goods } ta, kuzatuvsiz yuklar { $unaccompanied } ta; { $cash }.

## Yoʻlovchi deklaratsiyasi: ogohlantirishlar

declare-notice-no-adult = Guruhda { $adult } yosh yoki undan katta hech kim yoʻq: deklarant sifatida { $traveller } koʻrsatildi.
declare-notice-guardian-first-adult = { $traveller } uchun vasiy koʻrsatilmagan: uning tovarlarini guruhdagi birinchi voyaga yetgan yoʻlovchi { $guardian } deklaratsiya qiladi.
declare-notice-restriction-unconfirmed = { $item }-buyum ({ $description }) uchun ruxsatnoma qoidasi rasmiy manbada tasdiqlanmagan ({ $confidence }); vakolatli organdan aniqlang.

## Yoʻlovchi deklaratsiyasi: xatolar

declare-error-pack-mismatch = sayohat “{ $trip }” uchun, qoidalar toʻplami esa “{ $pack }” uchun
declare-error-assessment-mismatch = hisob-kitob bu sayohat va qoidalar toʻplamiga tegishli emas ({ $field } farq qiladi)
declare-error-guardian-not-in-party = “{ $traveller }” vasiysi guruhda yoʻq
declare-error-guardian-minor = “{ $traveller }” vasiysi “{ $guardian }” { $age } yoshda: vasiy kamida { $adult } yoshda boʻlishi kerak
input-guardian-self = yoʻlovchi oʻziga oʻzi vasiy boʻla olmaydi
input-unaccompanied-cash = naqd pul kuzatuvsiz boʻla olmaydi: uni oʻzingiz olib kelganda deklaratsiya qiling
pack-error-hs-prefix = 2 tadan 10 tagacha raqamdan iborat boʻlishi kerak
