# dist messages (uz): qoidalar paketlari, kurs jadvallari va HS maʼlumotlarining imzolangan tarqatilishi

## Toʻplam nimani olib keladi

dist-kind-pack = qoidalar paketi
dist-kind-rates = kurs jadvali
dist-kind-hs = HS nomenklaturasi

## Toʻplam yoki nashriyotchi kaliti nima uchun rad etildi

dist-malformed = Toʻplam shikastlangan yoki Karvon toʻplami emas: { $detail }.
dist-too-large = Toʻplam { $size } baytdan iborat; koʻpi bilan { $max } bayt qabul qilinadi.
dist-unsupported-format = { $format }-toʻplam formati Karvonning bu versiyasida qoʻllab-quvvatlanmaydi. Ilovani yangilang.
dist-unknown-key = Toʻplam { $key } nashriyotchi kaliti bilan imzolangan, bu kalitga bu yerda ishonilmaydi. Unga ishonish uchun: karvon sources trust KEY
dist-bad-signature = Toʻplam imzosi { $key } nashriyotchi kaliti bilan tasdiqlanmadi: u imzolangandan keyin oʻzgartirilgan.
dist-digest-mismatch = Toʻplam mazmuni imzolangan barmoq iziga mos kelmaydi (kutilgan { $expected }, topilgan { $found }): u imzolangandan keyin oʻzgartirilgan.
dist-wrong-kind = { $expected } kutilgan edi, lekin toʻplamda { $found } bor.
dist-wrong-name = { $expected } toʻplami kutilgan edi, lekin bu { $found } toʻplami.
dist-bad-name = “{ $name }” { $kind } toʻplami uchun yaroqli nom emas.
dist-not-newer = { $kind } { $name } { $offered }-versiyasi oʻrnatilgan { $installed }-versiyadan yangi emas; u rad etildi, shuning uchun eski versiya yangisining oʻrnini bosa olmaydi.
dist-bad-key = Nashriyotchi kaliti 64 ta oʻn oltilik raqamdan iborat, karvon-server publisher-key uni shunday chiqaradi.
dist-sign-failed = Toʻplamni imzolab boʻlmadi: { $detail }.
dist-content-invalid = { $kind } { $name } tasdiqlandi, lekin uning mazmuni { $at } joyida yaroqsiz
dist-content-unreadable = Mazmunni tekshirib boʻlmadi: { $detail }.
dist-content-empty = Mazmunda oʻrnatiladigan hech narsa yoʻq.
dist-not-utf8 = Matn yaroqli UTF-8 emas.
dist-no-such-key = { $key } identifikatorli ishonchli nashriyotchi kaliti yoʻq.
dist-update-failed = { $count } ta toʻplam rad etildi; amaldagi versiyalar saqlab qolindi.
dist-failure-unreadable = Bu rad etish sababini oʻqib boʻlmadi.
dist-install-failed = Toʻplamni oʻrnatib boʻlmadi: { $detail }.
dist-publish-not-newer = { $kind } { $name } { $version }-versiyasi eʼlon qilingan { $latest }-versiyadan yangi emas.
dist-publish-failed = Mazmunni eʼlon qilib boʻlmadi: { $detail }.

## karvon sources

dist-cli-what-pack = { $name } qoidalar paketi
dist-cli-what-rates = { $name } kurslari (asos { $base }, { $count } ta jadval, { $first } dan { $last } gacha)
dist-cli-what-hs = HS nomenklaturasi ({ $count } ta kod)
dist-cli-origin-embedded = { $what }: ilovaga oʻrnatilgan
dist-cli-origin-file = { $what }: { $path } faylidan import qilingan
dist-cli-origin-manual = { $what }: qoʻlda kiritilgan
dist-cli-origin-unknown = { $what }: import qilingan (manbasi yozilmagan)
dist-cli-origin-publisher = { $what }: { $server } dan { $version }-versiya, { $key } nashriyotchi kaliti bilan imzolangan, eʼlon qilingan { $published }, oʻrnatilgan { $installed }
dist-cli-source-none = { $kind } { $name }: hech narsa oʻrnatilmagan
dist-cli-refused = { $server } dan kelgan { $kind } { $name } { $when } da rad etildi: { $reason }
dist-cli-refused-version = { $server } dan kelgan { $kind } { $name } { $version }-versiyasi { $when } da rad etildi: { $reason }
dist-cli-trusted = { $key } nashriyotchi kalitiga endi ishoniladi.
dist-cli-untrusted = { $key } nashriyotchi kalitiga endi ishonilmaydi; u imzolagan narsalar oʻrnatilgan holda qoladi.
dist-cli-no-keys = Hech bir nashriyotchi kalitiga ishonilmaydi, shuning uchun serverdan hech narsa oʻrnatilmaydi. Kalitga ishonish uchun: karvon sources trust KEY
dist-cli-key = { $key }  { $public }  ishonilgan { $when }

dist-cli-failures = Rad etilgan yangilanishlar ({ $count }); amaldagi versiyalar saqlab qolindi:

## karvon update

dist-cli-update-listed = Server { $total } ta toʻplam eʼlon qilgan; { $newer } tasini yuklab olish kerak.
dist-cli-update-fetching = [{ $done }/{ $total }] { $kind } { $name } { $version }-versiya ({ $size } bayt)…
dist-cli-installed = { $kind } { $name } { $version }-versiyasi oʻrnatildi ({ $key } nashriyotchi kaliti).
dist-cli-installed-over = { $kind } { $name } { $version }-versiyasi { $previous }-versiya oʻrniga oʻrnatildi ({ $key } nashriyotchi kaliti).
dist-cli-update-done = { $server } dan yangilandi: { $installed } ta oʻrnatildi, { $current } tasi dolzarb, { $failed } tasi rad etildi.
