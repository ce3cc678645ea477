# sync messages (uz)

## Sinxronlash serveri xabar qiladigan muammolar (muammo hujjatining `code` maydoni)

server-unsigned = Sinxronlash serveriga soʻrov bu qurilma tomonidan imzolanmagan.
server-malformed-auth = Soʻrovning imzo sarlavhalarini oʻqib boʻlmadi.
server-unknown-device = Sinxronlash serveri bu qurilmani tanimaydi. Uni roʻyxatdan oʻtkazing yoki qaytadan bogʻlang.
server-bad-signature = Soʻrov imzosi mos kelmaydi: u yoʻlda oʻzgartirilgan yoki boshqa kalit bilan imzolangan.
server-stale-timestamp = Qurilma soati server soatidan juda farq qiladi. Sana va vaqtni tekshiring.
server-replayed-nonce = Bu soʻrov avval bir marta qabul qilingan va takror sifatida rad etildi.
server-body-too-large = Soʻrov sinxronlash serveri uchun juda katta. Bir vaqtda kamroq oʻzgarish yuboring.
server-rate-limited = Bu qurilmadan soʻrovlar juda koʻp. Sinxronlash birozdan keyin qayta urinadi.
server-rate-limited-for = Bu qurilmadan soʻrovlar juda koʻp. { $seconds } soniyadan keyin qayta urinib koʻring.
server-bad-json = Sinxronlash serveri soʻrovni oʻqiy olmadi.
server-bad-json-at = Sinxronlash serveri soʻrovni { $path } joyida oʻqiy olmadi.
server-invalid-request = Soʻrov sinxronlash qoidasini buzadi.
server-pairing-invalid = Bogʻlash kodi notoʻgʻri, ishlatilgan yoki muddati oʻtgan. Boshqa qurilmangizda yangisini yarating.
server-device-exists = Bu qurilma allaqachon hisobga bogʻlangan.
server-idempotency-conflict = Paket boshqa mazmun bilan qayta yuborildi; u rad etildi.
server-not-found = Sinxronlash serverida bunday manzil yoʻq.
server-method-not-allowed = Sinxronlash serveri bu yerda bunday soʻrovni qabul qilmaydi.
server-unavailable = Sinxronlash serverining xotirasi ishlamayapti. Sinxronlash keyinroq qayta urinadi.
server-internal = Sinxronlash serverida ichki xato yuz berdi. Sinxronlash keyinroq qayta urinadi.
server-storage-failed = Sinxronlash serverining { $backend } xotirasi ishdan chiqdi.
server-io-failed = Sinxronlash serveri { $what } dan foydalana olmaydi.

## Sinxronlash protokoli qoidalari

sync-bad-idempotency-key = Paket kaliti UUID emas.
sync-too-many-changes = Paketda { $count } ta oʻzgarish bor; bir vaqtda koʻpi bilan { $max } ta yuborish mumkin.
sync-change-out-of-order = { $index }-oʻzgarish undan oldingisidan eskiroq.
sync-change-bad-name = { $index }-oʻzgarishning { $field } maydoni boʻsh yoki juda uzun.
sync-change-bad-value = { $index }-oʻzgarishning qiymati toʻgʻri JSON emas.
sync-bad-public-key = Qurilma kaliti 32 baytli Ed25519 ochiq kaliti (hex) emas.
sync-bad-device-name = Qurilma nomi 1 dan { $max } tagacha belgidan iborat boʻlishi kerak.
sync-bad-query = { $name } soʻrov parametri nomaʼlum yoki ruxsat etilgan oraliqdan tashqarida.
sync-status-backwards = Hujjat holati { $from } dan { $to } ga orqaga qayta olmaydi.
sync-auth-missing = Soʻrovda { $header } sarlavhasi yoʻq.
sync-auth-malformed = { $header } sarlavhasini oʻqib boʻlmaydi.
sync-auth-clock-skew = Qurilma soati server soatidan { $seconds } soniya farq qiladi. Sana va vaqtni tekshiring.
sync-auth-bad-signature = Soʻrov imzosi mos kelmaydi.
sync-bad-document-id = Topshirilgan hujjat identifikatori UUID emas.
sync-empty-envelope = Topshiruvda imzolangan hujjat yoʻq.
server-filing-invalid = Server deklaratsiyani rad etdi: uning imzosi, mazmuni yoki imzolagan qurilmasi yaroqsiz.
server-filing-mismatch = Serverning oʻz hisob-kitobi deklaratsiyadan farq qiladi. Deklaratsiyani safardan qayta tuzing.

## Sinxronlash mijozi

sync-not-configured = Sinxronlash serveri belgilanmagan. Bir marta `karvon sync --server URL` buyrugʻini bering.
sync-bad-url = { $url } http:// yoki https:// manzil emas.
sync-network = Sinxronlash serveriga ulanib boʻlmadi: { $detail }
sync-bad-reply = Sinxronlash serverining javobi (holat { $status }) uzilib qoldi yoki oʻqib boʻlmadi.
sync-http-status = Sinxronlash serveri { $status } holati bilan javob berdi.
sync-gave-up = Sinxronlash { $attempts } urinishdan keyin toʻxtadi: { $problem } Hech narsa yoʻqolmadi; keyinroq qayta sinxronlang.
sync-problem-unreadable = Saqlangan sinxronlash muammosini oʻqib boʻlmadi.
sync-merge-failed = Boshqa qurilmadagi oʻzgarishni qoʻllab boʻlmadi: { $problem }

## karvon sync

cli-sync-pushing = { $total } ta oʻzgarishdan { $sent } tasi yuborilmoqda
cli-sync-filing = Deklaratsiyalar topshirilmoqda: { $total } tadan { $done } tasi
cli-sync-pulling = { $received } ta oʻzgarish qabul qilindi ({ $applied } tasi qoʻllandi)
cli-sync-done = { $server } bilan sinxronlandi: { $pushed } ta yuborildi, { $filed } ta topshirildi, { $pulled } ta qabul qilindi, { $applied } ta qoʻllandi.
cli-sync-server = Server: { $server }
cli-sync-no-server = Server: belgilanmagan
cli-sync-device = Qurilma: { $device } (hisob { $account })
cli-sync-unregistered = Qurilma: hali roʻyxatdan oʻtmagan
cli-sync-pending = Yuborilishini kutmoqda: { $pending } ta oʻzgarish ({ $in_flight } tasi yoʻlda), topshiriladigan deklaratsiyalar: { $queued }
cli-sync-last = Oxirgi sinxronlash: { $when }
cli-sync-never = Oxirgi sinxronlash: hali boʻlmagan
cli-sync-problems = Sizni kutayotgan muammolar: { $count }
cli-sync-problem = { $kind } { $subject }: { $problem }
cli-sync-pairing-code = Ulash kodi: { $code } (10 daqiqa amal qiladi). Boshqa qurilmada bajaring: karvon sync --server { $server } --pair { $code }
cli-sync-paired = Bu qurilma endi { $account } hisobiga ulandi.

## Serverda topshirish

server-filing-foreign-key = Deklaratsiya ushbu hisob qurilmalariga tegishli boʻlmagan kalit bilan imzolangan.
server-filing-no-trip = Yoʻlovchi deklaratsiyasi u tuzilgan safar bilan birga topshirilishi kerak.
server-filing-no-pack = Serverda { $jurisdiction } uchun qoidalar toʻplami yoʻq.
server-filing-mismatch-at = Serverning hisob-kitobi deklaratsiyadan { $field } joyida farq qiladi. Deklaratsiyani safardan qayta tuzing.
server-filing-not-found = { $id } deklaratsiyasi topshirilmagan.
