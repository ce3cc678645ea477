## Каталог сообщений Karvon — русский язык.
## Каждый id из en.ftl должен быть и здесь, и в uz.ftl (проверяется тестом).

## Термины, используемые внутри других сообщений

kind-goods = товары
kind-phone = телефон
kind-spirits = крепкие спиртные напитки
kind-wine = вино
kind-sparkling-wine = игристое вино
kind-beer = пиво
kind-other-alcohol = другой алкогольный напиток
kind-cigarettes = сигареты
kind-cigarillos = сигариллы
kind-cigars = сигары
kind-tobacco = табак
kind-heated-tobacco = табак для нагревания
kind-perfume = парфюмерия
kind-medicine = лекарства
kind-food = продукты питания
kind-plants = растения
kind-animal-products = продукция животного происхождения
kind-cash = наличные деньги
mode-air = воздушный транспорт
mode-sea = морской транспорт
mode-rail = железнодорожный транспорт
mode-river = речной транспорт
mode-road = автомобильный транспорт
mode-private-air = частное воздушное судно
mode-private-sea = частное судно
unit-litres = л
unit-pieces = шт.
unit-grams = г
unit-ml = мл
unit-kg = кг
category-goods = прочие товары
category-alcohol = алкоголь
category-wine = вино
category-beer = пиво
category-tobacco = табак
category-perfume = парфюмерия
category-phones = телефоны
category-weight = вес товаров
confidence-confirmed = подтверждено
confidence-secondary = только вторичные источники
confidence-unconfirmed = не подтверждено
confidence-conflict = источники расходятся
tax-duty = таможенная пошлина
tax-excise = акциз
tax-vat = НДС
tax-gst = налог на товары и услуги (GST)
tax-consumption = налог на потребление
compare-at-least = не меньше
compare-more-than = больше
type-array = списком
type-boolean = логическим значением (true или false)
type-number = числом
type-object = объектом
type-string = строкой
channel-green = ЗЕЛЁНЫЙ — товаров для декларирования нет
channel-red = КРАСНЫЙ — требуется декларирование
status-exempt = беспошлинно
status-dutiable = облагается
status-not-allowed = запрещено
status-declare-only = декларировать
status-not-counted = не учитывается
severity-must = обязательно
severity-info = к сведению

## Причины, указываемые в наборах правил

reason-personal-medicine = лекарства для личного пользования не учитываются
reason-uz-phone-registration = мобильные телефоны необходимо декларировать независимо от их стоимости (регистрация IMEI)
reason-eaeu-alcohol-over-5l = более 5 л алкоголя нельзя ввезти как товары для личного пользования

## Уведомления, указываемые в наборах правил

pack-notice-eu-flat-rate-choice = Фиксированная ставка 2,5 % применяется, пока общая стоимость облагаемых товаров не превышает €700; вы можете попросить таможню применить вместо неё тарифные ставки.
pack-notice-fi-wrong-lane = В Финляндии проход по зелёному коридору с товарами, подлежащими декларированию, может повлечь изъятие товаров, взыскание налога в двойном размере или дело о таможенном правонарушении.
pack-notice-gb-online-caps = Для онлайн-декларации действуют ограничения (например, 110 л пива, 90 л вина, 10 л крепких напитков, 800 сигарет, 50 прочих товаров, £97 000 налогов); сверх них используйте красный коридор.
pack-notice-jp-officer-selects = Японская таможня определяет беспошлинные предметы в пользу путешественника; показано наиболее выгодное для вас распределение.
pack-notice-jp-small-kinds-free = Товары любого вида, общая стоимость которых за рубежом не превышает ¥10 000, освобождаются от платежей и не учитываются.
pack-notice-jp-under-6 = Для детей младше 6 лет нормы действуют только на вещи, явно предназначенные для ребёнка.
pack-notice-sg-liquor-not-from-malaysia = Льгота на алкоголь не действует при прибытии из Малайзии.
pack-notice-sg-no-tobacco-concession = В Сингапуре нет беспошлинной нормы на сигареты и табак.
pack-notice-sg-receipt-date-place = Квитанция Customs@SG действительна только в ту дату и в том месте прибытия, которые вы указали в декларации.
pack-notice-tr-conflict = Источники расходятся в размере нормы для Турции (€430 / €150 сейчас, €300 / €145 в более ранних текстах), а фиксированная ставка не подтверждена.
pack-notice-ae-conflict = Источники расходятся в норме на сигареты для ОАЭ (200 или 400) и в пороге для наличных (AED 60 000 или 100 000).
pack-notice-uz-start-date-conflict = Источники расходятся в том, с какой даты в Узбекистане действует правило о минимальном сроке пребывания за рубежом (1 мая или 20 июля 2025 г.).
pack-notice-us-flat-rate-30-days = Фиксированной ставкой 3 % и освобождением на $800 можно воспользоваться один раз в 30 дней.

## Шаги расчёта

step-converted = Пересчёт { $amount } по курсу { $rate } = { $result }.
step-used = Личные вещи, вывезенные и ввезённые обратно, не учитываются.
step-exempt = В пределах нормы беспошлинного ввоза.
step-prohibited = Запрещено: { $reason }.
step-not-counted = Не учитывается: { $reason }.
step-must-declare = Подлежит декларированию: { $reason }.
step-under-age = Возраст путешественника — { $age }, минимальный возраст для категории «{ $category }» — { $min }.
step-allowances-removed = Норма беспошлинного ввоза не предоставляется: срок пребывания за рубежом слишком короткий.
step-allowance-not-applicable = Норма по категории «{ $category }» не применяется:
step-cond-mode = не действует для вида транспорта «{ $mode }»
step-cond-min-age = возраст { $age } меньше минимального ({ $min })
step-cond-max-age = возраст { $age } больше максимального ({ $max })
step-cond-min-days = срок пребывания за рубежом ({ $days } дн.) меньше минимального ({ $min } дн.)
step-cond-max-days = срок пребывания за рубежом ({ $days } дн.) больше максимального ({ $max } дн.)
step-cond-residents-only = только для резидентов
step-cond-non-residents-only = только для нерезидентов
step-cond-status = не для путешественников со статусом «{ $status }»
step-over-cap = { $total } { $unit } — больше предельного количества ({ $cap } { $unit }).
step-within-quantity = В пределах нормы по категории «{ $category }» ({ $used } из { $limit }).
step-over-quantity-all = Норма по категории «{ $category }» превышена ({ $used } при норме { $limit }): облагается всё количество.
step-over-quantity-part = { $covered } из { $quantity } — в пределах нормы по категории «{ $category }»; остальное облагается платежами.
step-option-chosen = Применён вариант { $option } льготы по категории «{ $category }» (самый выгодный для вас).
step-no-allowance-for-kind = Для вида товара «{ $kind }» норма не предусмотрена: облагается полностью.
step-in-value-allowance = В пределах стоимостной нормы ({ $used } из { $limit }).
step-whole-category-exceeded = Общая стоимость товаров { $used } превышает норму { $limit }: облагаются все товары.
step-excess-part = { $exempt } — в пределах нормы { $limit }; превышение { $dutiable } облагается платежами.
step-indivisible-exempt = Отнесено к норме { $limit } (учитываются только целые предметы).
step-indivisible-taxed = Облагается: в норму { $limit } входят только целые предметы, а отнесение к ней других предметов для вас выгоднее.
step-indivisible-too-large = Стоимость { $value } превышает норму { $limit }: облагается полностью.
step-single-payment = Единый таможенный платёж вместо пошлины, НДС и акциза: { $result }.
step-percent = { $base } × { $rate } = { $result }.
step-per-unit = { $quantity } { $unit } × { $rate } = { $result }.
step-max = Применяется большая из сумм: { $result }.
step-flat-rate = Фиксированная ставка: { $base } × { $rate } = { $result } (для облагаемых товаров стоимостью до { $ceiling }).
step-flat-exceeded = Стоимость облагаемых товаров превышает { $ceiling }: вместо фиксированной ставки применяются тарифные ставки.
step-band = Фиксированная ставка в пределах диапазона: { $base } × { $rate } = { $result } (ширина диапазона — { $width }).
step-tariff-own = Пошлина по тарифу: { $base } × { $rate } = { $result }.
step-tariff-estimated = Пошлина по тарифу (оценка): { $base } × { $rate } = { $result }.
step-vat = { $tax }: { $base } × { $rate } = { $result }.
step-rate-unknown = Ставки платежа «{ $tax }» нет в наборе правил: не рассчитано.
step-value-missing = Стоимость не указана: платёж «{ $tax }» не рассчитан.
step-quantity-missing = Не указано количество ({ $unit }): эта часть не рассчитана.
step-no-charge-rule = В наборе правил нет ставки для этого товара: не рассчитано.
step-cash-declare = Общая сумма наличных { $total } { $compare } порога { $threshold }: задекларируйте её.
step-cash-below = Общая сумма наличных { $total } ниже порога { $threshold }.
step-cash-no-rule = В наборе правил нет порога для декларирования наличных.

## Уведомления

notice-cash = Задекларируйте наличные: общая сумма { $total } { $compare } порога { $threshold }.
notice-must-declare = Товар № { $item } ({ $description }) подлежит декларированию: { $reason }.
notice-not-allowed-for-age = Товар № { $item } ({ $description }) не разрешён: возраст путешественника — { $age }, минимальный допустимый — { $min }.
notice-prohibited = Товар № { $item } запрещён: { $reason }.
notice-over-cap = { $total } { $unit } (категория «{ $category }») — больше предельных { $cap } { $unit }, которые может ввезти один путешественник: ввоз запрещён.
notice-allowance-exceeded = { $traveller }: норма по категории «{ $category }» превышена.
notice-value-exceeded = { $travellers }: стоимость товаров { $used } превышает норму { $limit }.
notice-weight-exceeded = Вес товаров { $weight } кг превышает норму { $limit } кг.
notice-officer-decides = Не все ваши товары укладываются в норму { $limit }: показанное распределение для вас самое выгодное, но окончательное решение принимает сотрудник таможни.
notice-min-stay = Норма беспошлинного ввоза не предоставляется: срок пребывания за рубежом ({ $days } дн.) меньше требуемых { $min } дн. при прибытии (вид транспорта: { $mode }); облагаются все товары.
notice-no-allowance = Для путешественника { $traveller } здесь не предусмотрена стоимостная норма.
notice-pooling-refused = Здесь нормы нельзя объединять: у каждого путешественника своя норма.
notice-pooling-applied = Нормы членов вашей семьи объединены по совместной декларации.
notice-amount-incomplete = Некоторых ставок нет в наборе правил: фактическая сумма к уплате больше показанной.
notice-rate-estimated = Товар № { $item }: пошлина по тарифу рассчитана по оценочной ставке { $rate }; фактическая ставка зависит от кода товара по ТН ВЭД (HS).
notice-quantity-missing = Товар № { $item }: не указано количество, необходимое для расчёта минимального платежа; сумма может быть выше.
notice-rule-unconfirmed = Статус использованного значения ({ $figure }): { $confidence }. Источник: { $url }

## Ошибки во входных данных

input-syntax = некорректный JSON в строке { $line }, столбце { $column }: { $detail }
input-too-large = размер файла превышает { $limit } байт
input-missing = обязательное поле
input-type = должно быть { $expected }
input-negative = не может быть отрицательным
input-not-positive = должно быть больше нуля
input-not-whole = должно быть целым числом
input-too-big = должно быть не больше { $max }
input-not-decimal = должно быть десятичным числом
input-too-precise = слишком много знаков после запятой для точного представления
input-date = «{ $value }» — не дата (ГГГГ-ММ-ДД)
input-unknown-mode = «{ $value }» — недопустимый вид транспорта (air, sea, rail, river, road, private_air, private_sea)
input-unknown-kind = «{ $value }» — неизвестный вид товара
input-unknown-spirit = «{ $value }» — неизвестный вид крепкого напитка (whisky, brandy, rum, gin, vodka, liqueur, other)
input-unknown-currency = «{ $code }» — не код валюты ISO 4217
input-unknown-field = неизвестное поле (допустимые: { $allowed })
input-unknown-traveller = нет путешественника с id «{ $id }»
input-unknown-jurisdiction = нет набора правил для «{ $value }» (доступны: { $known })
input-duplicate-id = id «{ $id }» используется дважды
input-empty-list = не может быть пустым
input-empty-text = не может быть пустым
input-text-too-long = длина — { $length } симв.; максимум — { $max }
input-too-many = элементов: { $count }; максимум — { $max }
input-hs-code = должно содержать от 2 до 10 цифр
input-missing-for-kind = обязательно для вида товара «{ $kind }»
input-missing-for-allowance = необходимо для проверки нормы по категории «{ $category }»
input-missing-rate = нет курса для { $currency }: добавьте его в «rates» (количество { $pack } за 1 { $currency })

## Ошибки в наборах правил

pack-error-syntax = некорректный JSON: { $detail }
pack-error-format = { $detail }
pack-error-too-large = размер набора правил превышает { $limit } байт
pack-error-unknown-parent = расширяет набор «{ $parent }», который не загружен
pack-error-unknown-source = ссылается на источник «{ $detail }», которого нет в «sources»
pack-error-format-version = неподдерживаемая версия формата (ожидается 1)
pack-error-id = должно состоять из 2 или 3 заглавных латинских букв
pack-error-url = должно быть URL-адресом http(s)
pack-error-empty = не может быть пустым
pack-error-range = вне допустимого диапазона
pack-error-whole = должно быть целым числом
pack-error-vat-name = должно быть tax-vat, tax-gst или tax-consumption
pack-error-term = должно быть id сообщения из каталога (reason-… или pack-notice-…)
pack-error-missing = обязательное поле
pack-error-attach = количественная норма применяется способом excess или whole_category
pack-error-unit = единица измерения не соответствует учитываемым видам товаров
pack-error-option = указан неизвестный элемент или отрицательный лимит
pack-error-cap = для предела нужен ровно один элемент
pack-error-single = единый платёж заменяет пошлину, акциз и НДС: не указывайте их
pack-error-no-vat = НДС взимается, но в наборе нет «vat»

## Командная строка

cli-error = ошибка
cli-error-at = { $path }: { $problem }
cli-pack-error = набор правил { $file }, поле { $field }: { $problem }
cli-io-error = не удаётся прочитать { $path }: { $detail }
cli-header = { $jurisdiction } · прибытие { $arrival } · набор правил действует с { $valid }
cli-col-item = №
cli-col-description = Товар
cli-col-status = Статус
cli-col-value = Стоимость
cli-col-duty = Пошлина
cli-col-vat = НДС
cli-col-excise = Акциз
cli-col-rule = Правило
cli-totals = Итого
cli-total-due = Итого к уплате: { $amount }
cli-incomplete = (неполный расчёт: некоторые ставки неизвестны)
cli-channel = Коридор: { $channel }
cli-notices = Уведомления
cli-explanations = Как получена каждая сумма
cli-source = источник: { $url }
cli-packs-header = Наборы правил

## Номенклатура HS

input-hs-header = первая строка должна быть «{ $expected }», а не «{ $found }»
input-hs-fields = полей: { $count }, ожидается { $expected } (возможно, поле в кавычках обрезано)
input-hs-section = «{ $value }» — не раздел (ожидается римская цифра, например XVI)
input-hs-code-digits = код «{ $code }» должен состоять только из цифр
input-hs-level = «{ $value }» — не уровень HS (допустимо 2, 4 или 6)
input-hs-level-mismatch = число цифр в коде «{ $code }»: { $length }, а указан уровень { $level }
input-hs-parent = родительский код должен быть «{ $expected }», а не «{ $parent }»
input-hs-parent-missing = родительского кода «{ $parent }» для кода «{ $code }» нет в файле
input-hs-duplicate = код «{ $code }» уже встречается в строке { $first }
input-hs-empty = в файле нет ни одного кода HS
input-hs-utf8 = текст не в кодировке UTF-8
input-hs-syntax = некорректный CSV: { $detail }
input-hs-lookup-code = должен быть код HS из 2, 4 или 6 цифр либо национальный код из 8–10 цифр

## Курсы валют

rates-too-large = размер файла превышает { $limit } байт
rates-empty = файл пуст
rates-not-utf8 = файл не является текстом в кодировке UTF-8
rates-unknown-format = неизвестный формат файла курсов (ожидается JSON Центрального банка Узбекистана либо XML или CSV ЕЦБ)
rates-syntax = файл повреждён или оборван: { $detail }
rates-no-rates = в файле нет курсов валют
rates-csv-date-column = заголовок должен начинаться с «Date», а начинается с «{ $found }»
rates-not-code = «{ $value }» — не трёхбуквенный код валюты
rates-duplicate-column = столбец { $code } встречается дважды
rates-csv-short = строка обрывается раньше времени: этого значения нет
rates-csv-extra = лишнее значение «{ $value }» после последнего столбца
rates-not-rate = «{ $value }» — не курс (нужно положительное десятичное число или N/A, если курса нет)
rates-not-decimal = «{ $value }» — не положительное десятичное число
rates-not-positive = «{ $value }» — не положительное число: курс должен быть больше нуля
rates-out-of-range = курс «{ $value }» выходит за пределы точного вычисления
rates-date = «{ $value }» — не дата
rates-duplicate-date = дата { $date } встречается дважды
rates-duplicate-currency = { $code } указана дважды на { $date }
rates-missing = обязательное значение отсутствует
rates-type = должно быть текстом или числом
rates-cbu-entry = каждая запись должна быть объектом
input-same-currency = должна отличаться от базовой валюты ({ $code })

## Хранилище, поездки, покупки, состояние и уведомления

entity-trip = поездка
entity-traveller = путешественник
entity-purchase = покупка
entity-party = группа
entity-receipt = чек
entity-alert = уведомление
entity-hs_code = код ТН
entity-rate = курс валюты
source-cbu = Центральный банк Республики Узбекистан
source-ecb = Европейский центральный банк
source-user-entered = введён вами
input-ambiguous-id = «{ $id }» подходит к нескольким записям; введите больше символов
input-control-chars = не должно содержать управляющих символов
input-country = «{ $value }» — не двухбуквенный код страны (ISO 3166, например UZ, FI)
input-file-empty = файл пуст
input-file-too-large = файл занимает { $size } байт; предел — { $max } байт
input-not-a-file = не обычный файл
input-traveller-has-purchases = у этого путешественника { $purchases } покупок в поездке; сначала перенесите или удалите их
input-traveller-on-trip = этот путешественник участвует в поездках ({ $trips }); сначала уберите его из них
error-clock = часы устройства не позволяют продвинуть часы синхронизации
error-db = ошибка базы данных: { $detail }
error-db-busy = база данных занята другой программой; повторите попытку
error-db-cannot-open = не удалось открыть базу данных: { $detail }
error-db-corrupt = файл базы данных повреждён: { $detail }
error-db-full = диск заполнен; ничего не сохранено
error-db-read-only = папка данных доступна только для чтения; ничего не сохранено
error-db-value = сохранённое значение повреждено ({ $field })
error-disk-full = диск заполнился при записи { $path }; ничего не сохранено
error-read-only = не удалось записать { $path } (только чтение или нет прав); ничего не сохранено
error-feed = { $file }, { $at }: { $problem }
error-key-invalid = файл ключа не является ключом Karvon
error-key-mismatch = личные данные нельзя открыть этим ключом (неверный ключ или повреждённые данные)
error-key-random = система не выдала случайные числа
error-key-seal = не удалось зашифровать личные данные
error-no-data = нет папки данных: укажите --data DIR или задайте KARVON_DATA
error-not-found = { $entity } «{ $id }» не найден(а)
error-receipt-damaged = файл чека { $path } не совпадает с контрольной суммой (повреждён или изменён)
error-schema-newer = база данных создана более новой версией Karvon (схема { $found }; эта версия знает до { $known }); обновите Karvon
status-no-rate = нет курса { $from } к { $to } на { $date } или раньше; импортируйте курсы или добавьте курс
what-if-to-red = С этой покупкой вы переходите в красный коридор и платите { $extra }.
what-if-costs = Эта покупка добавит { $extra } к платежу.
what-if-free = Эта покупка не добавит платежей на таможне.
what-if-no-rate = Нет курса для валюты и даты этой покупки; сначала импортируйте или добавьте курс.
alert-allowance-80 = { $who }: использовано { $percent } нормы ({ $category }).
alert-allowance-100 = { $who }: норма ({ $category }) исчерпана ({ $percent }).
alert-first-dutiable = «{ $description }» — первый товар с платежом: пока к уплате { $total }.
alert-plan-exceeded = План расходов превышен: потрачено { $spent } из { $plan }.
alert-cash-threshold = Наличные достигли порога декларирования: задекларируйте их.
alert-must-declare = «{ $description }» нужно задекларировать на таможне.
cli-created = Сохранено ({ $entity }): { $id }
cli-saved = Изменено ({ $entity }): { $id }
cli-deleted = Удалено ({ $entity }): { $id } (karvon undo вернёт)
cli-restored = Восстановлено ({ $entity }): { $id }
cli-nothing-to-undo = Нечего отменять.
cli-travellers-header = Путешественники
cli-traveller-line = { $id }  { $name } · родился(ась) { $born } · живёт в { $residency }
cli-trips-header = Поездки
cli-trip-line = { $id }  { $name } · { $jurisdiction } · прибытие { $arrival } · { $mode } · за границей { $days } дн.
cli-purchase-line = { $id }  { $date }  { $description } · { $kind } · { $value }
cli-no-purchases = Покупок пока нет.
cli-status-header = { $name }: { $jurisdiction }, прибытие { $arrival }, { $mode }, за границей { $days } дн.
cli-allowances = Нормы
cli-allowance-line = { $who } · { $category }: { $used } из { $limit } ({ $percent }), осталось { $remaining }
cli-projected = При прибытии с этими покупками: к уплате { $total } · { $channel }
cli-plan = План расходов: потрачено { $spent } из { $plan }, осталось { $remaining }
cli-plan-over = План расходов: потрачено { $spent } из { $plan }, превышение { $over }
cli-rates-used = Использованные курсы валют
cli-rate-line = 1 { $from } = { $rate } { $to } · { $source }, { $date } ({ $age } дн. назад) · { $origin }
cli-left-out = Не вошло в расчёт
cli-alerts = Уведомления
cli-no-alerts = Уведомлений нет.
cli-what-if-totals = К уплате: сейчас { $before }, с покупкой { $after } · { $channel }
cli-rates-imported = Импортировано таблиц курсов: { $tables } (курсов: { $rates }), источник — { $source }, с { $first } по { $last }
cli-rates-skipped = Пропущены (не действующие валюты ISO 4217): { $codes }
cli-rate-saved = Курс сохранён.
cli-no-rates = Курсы валют ещё не сохранены.
cli-rate-table-line = { $source } · база { $base } · { $date } · курсов: { $count } · { $origin }
cli-hs-imported = Номенклатура ТН импортирована: групп { $chapters }, позиций { $headings }, субпозиций { $subheadings }
cli-hs-none = Подходящий код ТН не найден.

## Почтовые таможенные декларации (CN 22 / CN 23)

postal-category-gift = подарок
postal-category-documents = документы
postal-category-commercial-sample = коммерческий образец
postal-category-returned-goods = возврат товара
postal-category-sale-of-goods = продажа товаров
postal-category-other = прочее
input-postal-form = должно быть «{ $expected }», а не «{ $found }»
input-postal-unknown-category = «{ $value }» — не категория (gift, documents, commercial_sample, returned_goods, sale_of_goods, other)
input-postal-unknown-action = «{ $value }» — не указание (return, abandon)
input-postal-unknown-route = «{ $value }» — не способ пересылки (priority, non_priority)
input-postal-item-id = должно быть номером отправления UPU S10: 2 буквы, 9 цифр, 2 буквы (например, RR123456785UZ)
input-postal-phone = должно быть номером телефона (цифры, пробелы и + - ( ) . /)
input-postal-email = должно быть адресом электронной почты, например name@example.uz
input-postal-category-twice = «{ $category }» отмечено дважды
input-postal-gift-commercial = для коммерческих отправлений нельзя отмечать «подарок» (здесь: { $category })
input-postal-explanation-required = обязательно при категории «прочее»: укажите, что это за отправление
input-postal-vague-description = «{ $value }» — слишком общее описание: укажите, что это за предмет, из чего он сделан и для чего нужен (например, «2 мужские хлопковые рубашки»)
input-postal-currency-mismatch = должно быть { $expected } — валюта общей стоимости (а не { $found })
input-postal-hs-code = должно быть кодом ТН ВЭД (HS) из 6–10 цифр
input-postal-hs-required = обязательно для коммерческих отправлений: код ТН ВЭД (HS), не менее 6 цифр
input-postal-origin-required = обязательно для коммерческих отправлений: страна, где товар произведён, изготовлен или собран
input-postal-total-weight = общий вес ({ $total } кг) меньше суммы веса нетто по строкам ({ $sum } кг)
input-postal-total-value = общая стоимость ({ $total }) не равна сумме по строкам ({ $sum })
input-postal-cn23-required = { $value } — это { $sdr } СДР, больше предела CN 22 в { $limit } СДР (1 СДР = { $rate }, { $source }, { $date }): используйте CN 23
notice-postal-sdr-undecided = Нет курса СДР для { $currency } на { $date } или ранее: нельзя определить, укладывается ли стоимость в предел CN 22 в { $limit } СДР. Добавьте курс СДР с датой.
notice-postal-sdr-at-limit = Стоимость ровно { $limit } СДР. CN 22 допускается до { $limit } СДР (India Post), но некоторые операторы требуют CN 23 при стоимости { $limit } СДР и более (Eswatini Post): уточните на почте.
notice-postal-cn22-weight = Вес отправления { $weight } кг. Некоторые операторы принимают CN 22 только для мелких пакетов до { $limit } кг (не подтверждено): уточните на почте.
notice-postal-invoice-missing = К коммерческим отправлениям нужно приложить счёт-фактуру (Hong Kong Post): укажите её номер в графе 14.

## Payment drafts: fields, statuses, plain-text lines and input errors (karvon-domain payment)
payment-field-beneficiary-name = имя бенефициара
payment-field-payee-name = имя получателя
payment-field-payer-name = имя плательщика
payment-field-initiating-party = инициатор платежа
payment-field-remittance = назначение платежа
payment-field-information = примечание для плательщика
payment-field-message-id = идентификатор сообщения
payment-field-payment-info-id = идентификатор пакета платежей
payment-field-end-to-end-id = сквозной идентификатор (EndToEndId)
payment-field-account-number = номер счёта
payment-field-bank-code = код банка
payment-status-draft = черновик
payment-status-submitted = отправлен
payment-status-paid = оплачен
payment-text-amount = Сумма: { $amount }
payment-text-payee = Получатель: { $name }
payment-text-payee-at-filing = Получатель: реквизиты сообщит таможня при подаче декларации
payment-text-iban = IBAN: { $iban }
payment-text-bic = BIC: { $bic }
payment-text-account = Счёт: { $account }
payment-text-bank-code = Код банка: { $code }
payment-text-reference = Ссылка кредитора: { $reference }
payment-text-due = Оплатить до: { $date }
payment-text-purpose = Назначение платежа: { $text }
payment-text-purpose-code = Код назначения платежа: { $code }
payment-text-status = Статус: { $status }
input-rf-empty = ссылка кредитора не указана
input-rf-prefix = ссылка кредитора начинается с RF
input-rf-check-digits = после RF должны идти две контрольные цифры
input-rf-character = символ «{ $character }» в позиции { $position } недопустим; используйте латинские буквы A–Z и цифры
input-rf-length = в части ссылки после RF и контрольных цифр символов: { $length }; допустимо от 1 до { $max }
input-rf-checksum = контрольные цифры не соответствуют ссылке; проверьте, нет ли опечатки
input-iban-empty = IBAN не указан
input-iban-country = IBAN начинается с двухбуквенного кода страны, а не с «{ $value }»
input-iban-unknown-country = IBAN страны { $country } не поддерживаются
input-iban-check-digits = третий и четвёртый символы IBAN должны быть цифрами
input-iban-character = символ «{ $character }» в позиции { $position } недопустим; используйте латинские буквы A–Z и цифры
input-iban-length = в IBAN страны { $country } символов должно быть { $expected }, а не { $length }
input-iban-checksum = контрольные цифры IBAN не совпадают; проверьте, нет ли опечатки
input-bic-length = в BIC должно быть 8 или 11 символов, а не { $length }
input-bic-character = символ «{ $character }» в позиции { $position } недопустим в BIC
input-bic-country = 5-й и 6-й символы BIC — код страны (две буквы)
input-purpose-code = «{ $value }» — не код назначения платежа (четыре буквы, например GOVT)
input-payment-required = { $field }: обязательное поле
input-payment-too-long = { $field }: символов { $length }, допустимо не более { $max }
input-payment-control-chars = { $field }: переводы строки и управляющие символы недопустимы
input-payment-amount-too-small = сумма должна быть не меньше { $min }
input-payment-amount-too-large = сумма должна быть не больше { $max }
input-payment-amount-too-precise = у суммы в валюте { $currency } не более { $places } знаков после запятой
input-payment-not-euro = QR-код EPC предназначен только для платежей в евро, а не в { $currency }
input-payment-both-remittances = укажите либо ссылку кредитора (RF), либо назначение платежа, но не то и другое
input-payment-bic-required = для QR-кода EPC версии 001 нужен BIC банка получателя
input-payment-qr-too-large = текст QR-кода занимает байт: { $bytes }; предел — { $max }
input-payment-payee-at-filing = реквизиты получателя сообщит таможня при подаче декларации; без них этот экспорт невозможен
input-payment-payee-not-iban = для QR-кода EPC нужен IBAN получателя
input-payment-no-transfers = в платёжном файле должен быть хотя бы один перевод
input-payment-timestamp = время создания вне допустимого диапазона
input-payment-status-backward = статус платежа нельзя вернуть с «{ $from }» на «{ $to }»
