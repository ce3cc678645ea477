# device settings (uz)

settings-language = “{ $value }” tili nomaʼlum: en, uz yoki ru dan foydalaning.
settings-country = “{ $value }” ISO 3166 mamlakat kodi emas: UZ kabi ikki harfdan foydalaning.
settings-currency = “{ $value }” ISO 4217 valyuta kodi emas: UZS yoki EUR kabi uch harfdan foydalaning.
settings-stored = Saqlangan sozlamalarning “{ $field }” qismini oʻqib boʻlmaydi; sozlamalarni qaytadan saqlang.
