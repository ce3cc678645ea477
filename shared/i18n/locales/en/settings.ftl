# device settings (en)

settings-language = Unknown language “{ $value }”: use en, uz or ru.
settings-country = “{ $value }” is not an ISO 3166 country code: use two letters, such as UZ.
settings-currency = “{ $value }” is not an ISO 4217 currency code: use three letters, such as UZS or EUR.
settings-stored = The saved settings cannot be read at “{ $field }”; save the settings again.
