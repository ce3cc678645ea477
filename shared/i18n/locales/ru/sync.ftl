# sync messages (ru)

## Проблемы, о которых сообщает сервер синхронизации (поле `code` документа о проблеме)

server-unsigned = Запрос к серверу синхронизации не подписан этим устройством.
server-malformed-auth = Не удалось прочитать заголовки подписи запроса.
server-unknown-device = Сервер синхронизации не знает это устройство. Зарегистрируйте его или привяжите заново.
server-bad-signature = Подпись запроса не совпадает: он был изменён в пути или подписан другим ключом.
server-stale-timestamp = Часы устройства слишком расходятся с часами сервера. Проверьте дату и время.
server-replayed-nonce = Этот запрос уже был получен и отклонён как повтор.
server-body-too-large = Запрос слишком велик для сервера синхронизации. Отправляйте меньше изменений за раз.
server-rate-limited = Слишком много запросов с этого устройства. Синхронизация скоро повторит попытку.
server-rate-limited-for = Слишком много запросов с этого устройства. Повторите через { $seconds } с.
server-bad-json = Сервер синхронизации не смог прочитать запрос.
server-bad-json-at = Сервер синхронизации не смог прочитать запрос в месте { $path }.
server-invalid-request = Запрос нарушает правило синхронизации.
server-pairing-invalid = Код привязки неверен, уже использован или истёк. Создайте новый на другом устройстве.
server-device-exists = Это устройство уже привязано к учётной записи.
server-idempotency-conflict = Пакет отправлен повторно с другим содержимым и отклонён.
server-not-found = На сервере синхронизации нет такого адреса.
server-method-not-allowed = Сервер синхронизации не принимает здесь такой запрос.
server-unavailable = Хранилище сервера синхронизации недоступно. Синхронизация повторит попытку позже.
server-internal = На сервере синхронизации произошла внутренняя ошибка. Синхронизация повторит попытку позже.
server-storage-failed = Хранилище { $backend } сервера синхронизации дало сбой.
server-io-failed = Сервер синхронизации не может использовать { $what }.

## Правила протокола синхронизации

sync-bad-idempotency-key = Ключ пакета не является UUID.
sync-too-many-changes = В пакете { $count } изменений; за раз можно отправить не больше { $max }.
sync-change-out-of-order = Изменение { $index } старше предыдущего.
sync-change-bad-name = У изменения { $index } поле { $field } пустое или слишком длинное.
sync-change-bad-value = Значение изменения { $index } не является корректным JSON.
sync-bad-public-key = Ключ устройства не является 32-байтовым открытым ключом Ed25519 в hex.
sync-bad-device-name = Имя устройства должно содержать от 1 до { $max } символов.
sync-bad-query = Параметр запроса { $name } неизвестен или вне допустимого диапазона.
sync-status-backwards = Статус документа не может вернуться из { $from } в { $to }.
sync-auth-missing = В запросе нет заголовка { $header }.
sync-auth-malformed = Заголовок { $header } не читается.
sync-auth-clock-skew = Часы устройства расходятся с часами сервера на { $seconds } с. Проверьте дату и время.
sync-auth-bad-signature = Подпись запроса не совпадает.
sync-bad-document-id = Идентификатор подаваемого документа не является UUID.
sync-empty-envelope = В подаче нет подписанного документа.
server-filing-invalid = Сервер отклонил декларацию: её подпись, содержимое или подписавшее устройство недействительны.
server-filing-mismatch = Собственный расчёт сервера расходится с декларацией. Составьте декларацию по поездке заново.

## Клиент синхронизации

sync-not-configured = Сервер синхронизации не задан. Один раз выполните `karvon sync --server URL`.
sync-bad-url = { $url } — не адрес http:// или https://.
sync-network = Сервер синхронизации недоступен: { $detail }
sync-bad-reply = Ответ сервера синхронизации (статус { $status }) оборван или не читается.
sync-http-status = Сервер синхронизации ответил статусом { $status }.
sync-gave-up = Синхронизация остановлена после { $attempts } попыток: { $problem } Ничего не потеряно; повторите позже.
sync-problem-unreadable = Сохранённую проблему синхронизации не удалось прочитать.
sync-merge-failed = Изменение с другого устройства не удалось применить: { $problem }

## karvon sync

cli-sync-pushing = Отправлено { $sent } из { $total } изменений
cli-sync-filing = Подача деклараций: { $done } из { $total }
cli-sync-pulling = Получено изменений: { $received } (применено { $applied })
cli-sync-done = Синхронизировано с { $server }: отправлено { $pushed }, подано { $filed }, получено { $pulled }, применено { $applied }.
cli-sync-server = Сервер: { $server }
cli-sync-no-server = Сервер: не задан
cli-sync-device = Устройство: { $device } (учётная запись { $account })
cli-sync-unregistered = Устройство: ещё не зарегистрировано
cli-sync-pending = Ждут отправки: { $pending } изменений ({ $in_flight } в пути), деклараций к подаче: { $queued }
cli-sync-last = Последняя синхронизация: { $when }
cli-sync-never = Последняя синхронизация: ещё не было
cli-sync-problems = Проблемы, требующие вашего внимания: { $count }
cli-sync-problem = { $kind } { $subject }: { $problem }
cli-sync-pairing-code = Код привязки: { $code } (действует 10 минут). На другом устройстве выполните: karvon sync --server { $server } --pair { $code }
cli-sync-paired = Это устройство привязано к учётной записи { $account }.
