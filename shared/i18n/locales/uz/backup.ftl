# backup and restore (uz)

backup-passphrase-short = Parol juda qisqa: kamida { $min } ta belgidan foydalaning.
backup-not-a-file = “{ $path }” fayl nomi emas: zaxira fayliga nom bering.
backup-not-a-backup = “{ $path }” Karvon zaxira nusxasi emas.
backup-damaged = “{ $path }” zaxira nusxasi shikastlangan yoki to‘liq emas ({ $detail }); hech narsa o‘zgartirilmadi.
backup-newer-format = Bu zaxira nusxasi Karvonning yangiroq versiyasida yaratilgan ({ $version }, zaxira formati { $found }; bu versiya { $known } gacha o‘qiydi): tiklash uchun Karvonni yangilang.
backup-newer-schema = Bu zaxira nusxasi Karvonning yangiroq versiyasida yaratilgan ({ $version }, ma’lumotlar bazasi versiyasi { $found }; bu versiya { $known } gacha biladi): tiklash uchun Karvonni yangilang.
backup-wrong-passphrase = Parol bu zaxira nusxasini ochmaydi; hech narsa o‘zgartirilmadi.
backup-receipt-missing = { $path } chek fayli yo‘q; hech narsa o‘zgartirilmadi.
backup-receipt-damaged = { $path } chek fayli o‘z barmoq iziga mos kelmaydi; hech narsa o‘zgartirilmadi.
backup-contents = safarlar: { $trips }, sayohatchilar: { $travellers }, xaridlar: { $purchases }, cheklar: { $receipts }, hujjatlar: { $documents }, to‘lovlar: { $payments }, kurs jadvallari: { $rates }, sinxronlashni kutayotgan o‘zgarishlar: { $pending }
backup-written = Zaxira nusxasi { $path } ga saqlandi ({ $bytes } bayt): { $contents }.
backup-inspected = { $path }: { $created } UTC da Karvon { $version } tomonidan yaratilgan ({ $bytes } bayt): { $contents }.
backup-confirm = Bu qurilmadagi BARCHA ma’lumotlar { $created } UTC da yaratilgan zaxira nusxasi bilan almashtirilsinmi ({ $contents })? Davom etish uchun “yes” deb yozing:
backup-confirm-needed = Tiklash bu qurilmadagi barcha ma’lumotlarni almashtiradi: tasdiqlash uchun --yes qo‘shing.
backup-cancelled = Hech narsa tiklanmadi.
backup-restored = { $path } dan tiklandi: { $contents }.
backup-passphrase-prompt = Zaxira nusxasi paroli:
backup-passphrase-missing = Parol yo‘q: KARVON_PASSPHRASE ni o‘rnating yoki buyruqni terminalda ishga tushiring.
backup-passphrase-again = Xuddi shu parolni yana kiriting:
backup-passphrase-differ = Ikki parol bir xil emas; zaxira nusxasi yaratilmadi.
backup-over-database = “{ $path }” Karvonning o‘z ma’lumotlar bazasi: zaxira nusxasi uchun boshqa fayl tanlang.
