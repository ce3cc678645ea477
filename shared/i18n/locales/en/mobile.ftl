# mobile library messages (en)

mobile-unknown-language = Unknown language “{ $value }”: use en, uz or ru.
mobile-key-length = The key from the device keystore must be { $expected } bytes long, not { $got }.
mobile-error-crashed = An internal error stopped this task. Nothing was changed; please try again.
