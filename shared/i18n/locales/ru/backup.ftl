# backup and restore (ru)

backup-passphrase-short = Пароль слишком короткий: используйте не менее { $min } символов.
backup-not-a-file = «{ $path }» — не имя файла: укажите файл резервной копии.
backup-not-a-backup = «{ $path }» — не резервная копия Karvon.
backup-damaged = Резервная копия «{ $path }» повреждена или неполна ({ $detail }); ничего не изменено.
backup-newer-format = Эта резервная копия сделана более новой версией Karvon ({ $version }, формат копии { $found }; эта версия читает до { $known }): обновите Karvon, чтобы восстановить её.
backup-newer-schema = Эта резервная копия сделана более новой версией Karvon ({ $version }, версия базы данных { $found }; эта версия знает до { $known }): обновите Karvon, чтобы восстановить её.
backup-wrong-passphrase = Пароль не подходит к этой резервной копии; ничего не изменено.
backup-receipt-missing = Файла чека { $path } нет; ничего не изменено.
backup-receipt-damaged = Файл чека { $path } не совпадает со своим отпечатком; ничего не изменено.
backup-contents = поездки: { $trips }, путешественники: { $travellers }, покупки: { $purchases }, чеки: { $receipts }, документы: { $documents }, платежи: { $payments }, таблицы курсов: { $rates }, изменения, ожидающие синхронизации: { $pending }
backup-written = Резервная копия сохранена в { $path } ({ $bytes } байт): { $contents }.
backup-inspected = { $path }: создана { $created } UTC в Karvon { $version } ({ $bytes } байт): { $contents }.
backup-confirm = Заменить ВСЕ данные на этом устройстве резервной копией от { $created } UTC ({ $contents })? Введите «yes», чтобы продолжить:
backup-confirm-needed = Восстановление заменяет все данные на этом устройстве: добавьте --yes для подтверждения.
backup-cancelled = Ничего не восстановлено.
backup-restored = Восстановлено из { $path }: { $contents }.
backup-passphrase-prompt = Пароль резервной копии:
backup-passphrase-missing = Нет пароля: задайте KARVON_PASSPHRASE или запустите команду в терминале.
backup-passphrase-again = Тот же пароль ещё раз:
backup-passphrase-differ = Пароли не совпадают; резервная копия не создана.
backup-over-database = «{ $path }» — собственная база данных Karvon: выберите для резервной копии другой файл.
