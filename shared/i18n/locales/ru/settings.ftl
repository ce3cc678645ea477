# device settings (ru)

settings-language = Неизвестный язык «{ $value }»: используйте en, uz или ru.
settings-country = «{ $value }» — не код страны ISO 3166: укажите две буквы, например UZ.
settings-currency = «{ $value }» — не код валюты ISO 4217: укажите три буквы, например UZS или EUR.
settings-stored = Не удалось прочитать сохранённые настройки в поле «{ $field }»; сохраните настройки ещё раз.
