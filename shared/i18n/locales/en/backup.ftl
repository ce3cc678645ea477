# backup and restore (en)

backup-passphrase-short = The passphrase is too short: use at least { $min } characters.
backup-not-a-file = “{ $path }” is not a file name: name the backup file.
backup-not-a-backup = “{ $path }” is not a Karvon backup.
backup-damaged = The backup “{ $path }” is damaged or incomplete ({ $detail }); nothing was changed.
backup-newer-format = This backup was made by a newer Karvon ({ $version }, backup format { $found }; this version reads up to { $known }): update Karvon to restore it.
backup-newer-schema = This backup was made by a newer Karvon ({ $version }, database version { $found }; this version knows up to { $known }): update Karvon to restore it.
backup-wrong-passphrase = The passphrase does not open this backup; nothing was changed.
backup-receipt-missing = The receipt file { $path } is missing; nothing was changed.
backup-receipt-damaged = The receipt file { $path } does not match its fingerprint; nothing was changed.
backup-contents = trips: { $trips }, travellers: { $travellers }, purchases: { $purchases }, receipts: { $receipts }, documents: { $documents }, payments: { $payments }, rate tables: { $rates }, changes waiting for sync: { $pending }
backup-written = Backup saved to { $path } ({ $bytes } bytes): { $contents }.
backup-inspected = { $path }: made on { $created } UTC by Karvon { $version } ({ $bytes } bytes): { $contents }.
backup-confirm = Replace ALL data on this device with the backup made on { $created } UTC ({ $contents })? Type “yes” to continue:
backup-confirm-needed = A restore replaces all data on this device: add --yes to confirm.
backup-cancelled = Nothing was restored.
backup-restored = Restored from { $path }: { $contents }.
backup-passphrase-prompt = Backup passphrase:
backup-passphrase-missing = No passphrase: set KARVON_PASSPHRASE or run the command in a terminal.
backup-passphrase-again = The same passphrase again:
backup-passphrase-differ = The two passphrases differ; no backup was made.
backup-over-database = “{ $path }” is Karvon's own database: choose another file for the backup.
