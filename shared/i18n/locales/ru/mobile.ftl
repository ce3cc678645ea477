# mobile library messages (ru)

mobile-unknown-language = Неизвестный язык «{ $value }»: используйте en, uz или ru.
mobile-key-length = Ключ из хранилища ключей устройства должен быть длиной { $expected } байт, а не { $got }.
mobile-error-crashed = Внутренняя ошибка остановила эту задачу. Ничего не изменено; попробуйте ещё раз.
