# mobile library messages (uz)

mobile-unknown-language = “{ $value }” tili nomaʼlum: en, uz yoki ru dan foydalaning.
mobile-key-length = Qurilma kalitlar omboridagi kalit { $got } emas, { $expected } bayt boʻlishi kerak.
mobile-error-crashed = Ichki xato bu vazifani toʻxtatdi. Hech narsa oʻzgartirilmadi; qaytadan urinib koʻring.
