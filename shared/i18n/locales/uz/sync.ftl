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
