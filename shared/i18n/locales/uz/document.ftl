# document messages (uz)

## Kinds of signed document
document-kind-passenger = yoʻlovchi deklaratsiyasi
document-kind-cn22 = CN 22 deklaratsiyasi
document-kind-cn23 = CN 23 deklaratsiyasi
document-kind-trade = savdo deklaratsiyasi
document-kind-payment = toʻlov loyihasi

## Parts of a signed document
document-field-version = format versiyasi
document-field-kind = hujjat turi
document-field-issued-at = berilgan vaqti
document-field-public-key = ochiq kalit
document-field-body-length = mazmun uzunligi
document-field-body = mazmuni
document-field-signature = imzo

## Reading, signing and checking documents
document-error-encode = hujjatni kodlab boʻlmaydi: { $detail }
document-error-decode = maʼlumot { $path } joyida notoʻgʻri: { $detail }
document-error-body = { $kind } { $path } joyida notoʻgʻri: { $detail }
document-error-body-too-large = hujjat { $len } bayt; koʻpi bilan { $max } bayt imzolanadi
document-error-empty = hujjat boʻsh
document-error-prefix = bu Karvon hujjat kodi emas: u “{ $found }” bilan emas, “KV1:” bilan boshlanishi kerak
document-error-base45-char = { $position }-oʻrindagi “{ $character }” belgisi hujjat kodida boʻlishi mumkin emas
document-error-base45-length = hujjat kodi kesilgan (“KV1:” dan keyin { $len } ta belgi)
document-error-base45-value = hujjat kodi { $position }-oʻrinda shikastlangan
document-error-inflate-truncated = hujjat kodi kesilgan
document-error-inflate-corrupt = hujjat kodi shikastlangan
document-error-too-large = hujjat ochilganda { $max } baytdan oshadi; u rad etildi
document-error-envelope-truncated = hujjat { $field } qismidan oldin tugaydi
document-error-envelope-trailing = imzodan keyin { $count } ta kutilmagan bayt bor
document-error-version = hujjat formatining { $version }-versiyasi qoʻllab-quvvatlanmaydi; Karvonni yangilang
document-error-unknown-kind = nomaʼlum hujjat turi (teg { $tag })
document-error-body-length = hujjatda mazmuni { $len } bayt deyilgan; koʻpi bilan { $max } bayt ruxsat etiladi
document-error-signature = imzo haqiqiy emas: hujjat oʻzgartirilgan yoki bu kalit bilan imzolanmagan
document-error-untrusted = imzo haqiqiy, lekin { $fingerprint } kaliti ishonchli kalitlar qatorida emas
document-error-key = imzo kalitini oʻqib boʻlmaydi: { $detail }
document-error-key-generation = imzo kalitini yaratib boʻlmadi

## QR codes
qr-error-too-long = matn { $len } belgidan iborat; bu xatoni tuzatish darajasidagi QR kod koʻpi bilan { $max } belgi sigʻdiradi
qr-error-encode = matnni QR kodga aylantirib boʻlmaydi: { $detail }
qr-error-scale = { $scale } masshtabiga ruxsat yoʻq; har bir modulga 1 dan { $max } gacha piksel bering
qr-error-not-png = fayl PNG rasm emas
qr-error-png-corrupt = PNG rasm shikastlangan: { $detail }
qr-error-png-unsupported = bu PNG rasmni oʻqib boʻlmaydi: { $detail }
qr-error-image-too-large = rasm { $width } × { $height } piksel; koʻpi bilan { $max } piksel oʻqiladi
qr-error-not-found = rasmda QR kod topilmadi
qr-error-unreadable = QR kod topildi, lekin uni oʻqib boʻlmaydi: { $detail }
