# dist messages (ru): подписанное распространение пакетов правил, таблиц курсов и данных ТН ВЭД (HS)

## Что содержит пакет

dist-kind-pack = пакет правил
dist-kind-rates = таблица курсов
dist-kind-hs = номенклатура HS

## Почему пакет или ключ издателя отклонён

dist-malformed = Пакет повреждён или не является пакетом Karvon: { $detail }.
dist-too-large = Пакет занимает { $size } байт; принимается не более { $max }.
dist-unsupported-format = Формат пакета { $format } не поддерживается этой версией Karvon. Обновите приложение.
dist-unknown-key = Пакет подписан ключом издателя { $key }, которому здесь не доверяют. Чтобы доверять ему: karvon sources trust KEY
dist-bad-signature = Подпись пакета не проверяется ключом издателя { $key }: пакет изменён после подписи.
dist-digest-mismatch = Содержимое пакета не совпадает с подписанным отпечатком (ожидался { $expected }, получен { $found }): оно изменено после подписи.
dist-wrong-kind = Ожидался объект «{ $expected }», но пакет содержит «{ $found }».
dist-wrong-name = Ожидался пакет { $expected }, но это пакет { $found }.
dist-bad-name = «{ $name }» — недопустимое имя для пакета «{ $kind }».
dist-not-newer = { $kind } { $name } версии { $offered } не новее установленной версии { $installed }; пакет отклонён, поэтому старая версия не может заменить новую.
dist-bad-key = Ключ издателя — это 64 шестнадцатеричные цифры, как их выводит karvon-server publisher-key.
dist-sign-failed = Не удалось подписать пакет: { $detail }.
dist-content-invalid = { $kind } { $name } прошёл проверку подписи, но его содержимое неверно в месте { $at }
dist-content-unreadable = Не удалось проверить содержимое: { $detail }.
dist-content-empty = В содержимом нечего устанавливать.
dist-not-utf8 = Текст не является корректным UTF-8.
dist-no-such-key = Нет доверенного ключа издателя с идентификатором { $key }.
dist-update-failed = Отклонено пакетов: { $count }; действующие версии сохранены.
dist-failure-unreadable = Не удалось прочитать причину этого отказа.
dist-install-failed = Не удалось установить пакет: { $detail }.
dist-publish-not-newer = { $kind } { $name } версии { $version } не новее опубликованной версии { $latest }.
dist-publish-failed = Не удалось опубликовать содержимое: { $detail }.

## karvon sources

dist-cli-what-pack = Пакет правил { $name }
dist-cli-what-rates = Курсы { $name } (база { $base }, таблиц: { $count }, с { $first } по { $last })
dist-cli-what-hs = Номенклатура HS (кодов: { $count })
dist-cli-origin-embedded = { $what }: встроен в приложение
dist-cli-origin-file = { $what }: импортирован из файла { $path }
dist-cli-origin-manual = { $what }: введено вручную
dist-cli-origin-unknown = { $what }: импортировано (источник не записан)
dist-cli-origin-publisher = { $what }: версия { $version } с { $server }, подписана ключом издателя { $key }, опубликована { $published }, установлена { $installed }
dist-cli-source-none = { $kind } { $name }: ничего не установлено
dist-cli-refused = Отклонено: { $kind } { $name } с { $server }, { $when }: { $reason }
dist-cli-refused-version = Отклонено: { $kind } { $name } версии { $version } с { $server }, { $when }: { $reason }
dist-cli-trusted = Ключу издателя { $key } теперь доверяют.
dist-cli-untrusted = Ключу издателя { $key } больше не доверяют; подписанное им остаётся установленным.
dist-cli-no-keys = Ни одному ключу издателя не доверяют, поэтому с сервера ничего не устанавливается. Чтобы доверять ключу: karvon sources trust KEY
dist-cli-key = { $key }  { $public }  доверен с { $when }

dist-cli-failures = Отклонённые обновления ({ $count }); действующие версии сохранены:

## karvon update

dist-cli-update-listed = Сервер публикует пакетов: { $total }; загрузить нужно: { $newer }.
dist-cli-update-fetching = [{ $done }/{ $total }] { $kind } { $name } версии { $version } ({ $size } байт)…
dist-cli-installed = Установлено: { $kind } { $name } версии { $version } (ключ издателя { $key }).
dist-cli-installed-over = Установлено: { $kind } { $name } версии { $version } вместо версии { $previous } (ключ издателя { $key }).
dist-cli-update-done = Обновлено с { $server }: установлено { $installed }, актуально { $current }, отклонено { $failed }.
