# document messages (ru)

## Kinds of signed document
document-kind-passenger = пассажирская декларация
document-kind-cn22 = декларация CN 22
document-kind-cn23 = декларация CN 23
document-kind-trade = торговая декларация
document-kind-payment = черновик платежа

## Parts of a signed document
document-field-version = версия формата
document-field-kind = вид документа
document-field-issued-at = время выдачи
document-field-public-key = открытый ключ
document-field-body-length = длина содержимого
document-field-body = содержимое
document-field-signature = подпись

## Reading, signing and checking documents
document-error-encode = документ нельзя закодировать: { $detail }
document-error-decode = данные неверны в { $path }: { $detail }
document-error-body = { $kind }: неверное значение в { $path }: { $detail }
document-error-body-too-large = размер документа — { $len } байт; подписать можно не более { $max } байт
document-error-empty = документ пуст
document-error-prefix = это не код документа Karvon: он должен начинаться с «KV1:», а не с «{ $found }»
document-error-base45-char = символ «{ $character }» в позиции { $position } недопустим в коде документа
document-error-base45-length = код документа обрезан ({ $len } символов после «KV1:»)
document-error-base45-value = код документа повреждён в позиции { $position }
document-error-inflate-truncated = код документа обрезан
document-error-inflate-corrupt = код документа повреждён
document-error-too-large = документ распаковывается больше чем в { $max } байт; он отклонён
document-error-envelope-truncated = документ заканчивается раньше поля «{ $field }»
document-error-envelope-trailing = после подписи идут лишние байты: { $count }
document-error-version = версия формата документа { $version } не поддерживается; обновите Karvon
document-error-unknown-kind = неизвестный вид документа (тег { $tag })
document-error-body-length = по документу его содержимое занимает { $len } байт; допускается не более { $max }
document-error-signature = подпись недействительна: документ изменён или подписан не этим ключом
document-error-untrusted = подпись верна, но ключ { $fingerprint } не входит в доверенные
document-error-key = ключ подписи не читается: { $detail }
document-error-key-generation = не удалось создать ключ подписи

## QR codes
qr-error-too-long = длина текста — { $len } символов; QR-код с этим уровнем коррекции вмещает не более { $max }
qr-error-encode = текст нельзя закодировать в QR-код: { $detail }
qr-error-scale = масштаб { $scale } недопустим; укажите от 1 до { $max } пикселей на модуль
qr-error-not-png = файл не является изображением PNG
qr-error-png-corrupt = изображение PNG повреждено: { $detail }
qr-error-png-unsupported = это изображение PNG не читается: { $detail }
qr-error-image-too-large = размер изображения — { $width } × { $height } пикселей; читается не более { $max } пикселей
qr-error-not-found = на изображении не найден QR-код
qr-error-unreadable = QR-код найден, но не читается: { $detail }
