# trade messages (ru): упрощённая декларация для торговли, файлы тарифа и импорт счёта-фактуры из CSV.

## Термины

trade-unit-kg = кг
trade-unit-l = л
trade-unit-pcs = шт.
trade-unit-pair = пар
trade-unit-m = м
trade-unit-m2 = м²
trade-unit-m3 = м³
trade-unit-cm3 = см³
trade-basis-cif = CIF (цена, фрахт и страхование)
trade-basis-fob = FOB (только цена)
trade-rates-cbu = курсы Центрального банка Узбекистана
trade-rates-ecb = справочные курсы ЕЦБ
trade-rates-user = курсы, введённые пользователем
trade-delimiter-comma = запятая
trade-delimiter-semicolon = точка с запятой
trade-delimiter-tab = табуляция
trade-delimiter-pipe = вертикальная черта (|)
trade-delimiter-space = пробелы
trade-fee-clearance = сбор за таможенное оформление
tariff-expected-term = число, max( или min(
tariff-expected-percent-or-currency = % или код валюты (EUR, USD …)
tariff-expected-slash = «/» между валютой и единицей
tariff-expected-unit = единица измерения (kg, l, pcs, pair, m, m2, m3, cm3)
tariff-expected-open-paren = «(»
tariff-expected-separator = «;» или «)»
tariff-expected-plus-or-end = «+» или конец выражения

## Выражения ставок

tariff-expr-empty = выражение ставки пустое
tariff-expr-too-long = в выражении ставки { $length } символов; предел — { $max }
tariff-expr-syntax = символ { $position }: ожидалось { $expected }, найдено «{ $found }»
tariff-expr-number = символ { $position }: «{ $value }» — не простое десятичное число (используйте точку, без экспоненты)
tariff-expr-currency = символ { $position }: «{ $value }» — не код валюты
tariff-expr-unit = символ { $position }: «{ $value }» — неизвестная единица (kg, l, pcs, pair, m, m2, m3, cm3)
tariff-expr-too-deep = символ { $position }: max( и min( вложены глубже { $max } уровней
tariff-expr-too-few-parts = сумма, max или min должны содержать не менее двух частей
tariff-expr-negative = ставка или сумма не может быть отрицательной
tariff-expr-missing-rate = в таблице курсов нет курса { $currency } для пересчёта специфической ставки
tariff-expr-unit-mismatch = ставка указана за { $needed }, а количество в строке — в { $given }
tariff-expr-overflow = сумма слишком велика для расчёта

## Файлы тарифа

tariff-hs-prefix = «{ $value }» — не код ТН ВЭД или его начало из 2–10 цифр ({ $digits } цифр)
tariff-vat-range = «{ $value }» — не ставка НДС от 0 до 100
tariff-confidence = «{ $value }» — не степень достоверности (confirmed, secondary, unconfirmed или conflict)
tariff-dates-reversed = valid_to { $to } раньше valid_from { $from }
tariff-overlap = другая строка для { $hs } (строка { $other }) действует в те же дни

## Файлы CSV

trade-csv-summary = в файле проблем: { $total }; показаны первые { $shown }
trade-csv-no-header = файл пуст: первая строка должна содержать названия столбцов
trade-csv-no-rows = в файле есть заголовок, но нет строк
trade-csv-missing-columns = не хватает столбцов: { $columns } (разделитель при чтении — { $delimiter })
trade-csv-wrong-delimiter = не хватает столбцов: { $columns } — похоже, заголовок разделён символом «{ $found }»; используйте запятую, точку с запятой или табуляцию
trade-csv-column-twice = столбец «{ $column }» встречается дважды
trade-csv-too-many-rows = в файле больше { $max } строк (с заголовком); разделите его на файлы поменьше
trade-csv-too-large = размер файла { $size } байт; предел — { $max } байт
trade-csv-malformed = эту строку нельзя прочитать как CSV (лишняя кавычка или недопустимый текст)
trade-csv-width = в этой строке { $cells } ячеек, а в заголовке { $expected } (запятая внутри значения без кавычек, например 12,5?)
trade-csv-empty = значение обязательно
trade-csv-not-decimal = «{ $value }» — не простое десятичное число вроде 12.50
trade-csv-decimal-comma = в «{ $value }» десятичная запятая; пишите через точку, например 12.5
trade-csv-negative = «{ $value }» — отрицательное число
trade-csv-too-big = «{ $value }» — слишком большое число
trade-csv-unit = «{ $value }» — неизвестная единица (kg, l, pcs, pair, m, m2, m3, cm3)
trade-csv-currency = «{ $value }» — не код валюты (ISO 4217, например USD, EUR, UZS)
trade-csv-date = «{ $value }» — не дата (ГГГГ-ММ-ДД)

## Декларация

trade-empty = обязательно для заполнения
trade-text-too-long = длина { $length } символов; предел — { $max }
trade-control-chars = не должно содержать переводов строки и управляющих символов
trade-country = «{ $value }» — не двухбуквенный код страны (ISO 3166, например UZ, CN)
trade-jurisdiction = «{ $value }» — не код юрисдикции (две заглавные буквы, например UZ, EU, FI)
trade-hs-length = в «{ $value }» { $digits } цифр; код ТН ВЭД содержит от 6 до 10 цифр
trade-hs-leading-zero = в «{ $value }» { $digits } цифр; код ТН ВЭД содержит от 6 до 10 цифр — возможно, электронная таблица отбросила ведущий ноль (080111 → 80111)
trade-hs-chars = «{ $value }» — не код ТН ВЭД: допускаются только цифры, точки и пробелы
trade-vague-description = «{ $value }» — слишком общее описание: укажите, что это за товар и из чего он сделан
trade-not-positive = должно быть больше нуля
trade-negative = не может быть отрицательным
trade-too-big = не должно превышать { $max }
trade-gross-below-net = вес брутто { $gross } кг меньше веса нетто { $net } кг
trade-line-currency = строка в { $line }, а счёт-фактура в { $invoice }
trade-invoice-after-declaration = дата счёта-фактуры { $invoice } позже даты декларации { $declaration }
trade-no-lines = в декларации нет строк
trade-too-many-lines = строк: { $count }; в декларации не более { $max }

## Ошибки расчёта

trade-error-rules = торговые правила нельзя использовать (проблем: { $count })
trade-error-invalid = в декларации проблем: { $count }
trade-error-assessment = декларацию нельзя рассчитать (проблем: { $count })
trade-export-not-assessed = экспорт проверяется, но не рассчитывается: вывозные пошлины не моделируются
trade-rules-jurisdiction = декларация для { $declaration }, а правила для { $rules }
trade-tariff-jurisdiction = тариф для { $tariff }, а декларация для { $declaration }
trade-rules-not-in-force = правила действуют с { $from }; дата декларации — { $date }
trade-rates-after-date = курсы валют датированы { $rates }, позже даты декларации { $date }
trade-no-rate = нет курса { $currency } в таблице «{ $source }» на { $date }
trade-no-tariff-line = в тарифе { $jurisdiction } нет строки для кода { $hs } на { $date }
trade-no-vat-rate = нет ставки НДС для кода { $hs } на { $date }: её не даёт ни строка тарифа, ни правила
trade-freight-required = цена { $incoterm } не включает фрахт: укажите стоимость перевозки до границы (0, если её нет)
trade-freight-in-price = цена { $incoterm } уже включает фрахт; не добавляйте его повторно
trade-insurance-in-price = цена { $incoterm } уже включает страхование; не добавляйте его повторно
trade-fee-not-in-force = шкала сборов за оформление действует с { $from }; на { $date } размера сбора нет
trade-brv-missing = на { $date } неизвестна БРВ (базовая расчётная величина)

## Файлы правил

trade-rules-too-large = файл правил больше { $max } байт
trade-rules-json = файл правил некорректен: { $detail }
trade-rules-unknown = нет торговых правил для «{ $value }»
trade-rules-format = формат { $format } не поддерживается (ожидается 1)
trade-rules-source = источника «{ $key }» нет в списке sources
trade-rules-brv-currency = БРВ должна быть в валюте правил
trade-rules-brv-missing = для сбора в БРВ нужно хотя бы одно значение БРВ
trade-rules-band-bounds = у каждой ступени сбора, кроме последней, должна быть ровно одна граница up_to или below; у последней — ни одной
trade-rules-band-order = ступени сбора должны идти по возрастанию
trade-rules-periods = периоды должны идти по датам и не пересекаться

## Шаблоны

trade-template-name = у шаблона должно быть название длиной от 1 до { $max } символов
trade-template-missing = в шаблоне нет этого значения, и для отправки оно не указано
trade-template-no-line = строки { $line } нет: в шаблоне строк — { $count }

## Шаги расчёта

trade-step-valuation = Основа таможенной стоимости: { $basis } ({ $source }, { $confidence }).
trade-step-rates = Курсы валют: { $source } на { $date }.
trade-step-convert = { $amount } × { $rate } = { $result } ({ $source } на { $date }).
trade-step-value = Стоимость по счёту-фактуре { $value }.
trade-step-fob-excluded = Основа FOB: фрахт и страхование не входят в таможенную стоимость.
trade-step-freight-total = Фрахт { $amount } распределён по строкам пропорционально стоимости.
trade-step-insurance-total = Страхование { $amount } распределено по строкам пропорционально стоимости.
trade-step-freight-share = Доля фрахта из { $total }: { $result }.
trade-step-insurance-share = Доля страхования из { $total }: { $result }.
trade-step-customs-value = Таможенная стоимость ({ $basis }): { $value } + фрахт { $freight } + страхование { $insurance } = { $result }.
trade-step-tariff = Строка тарифа { $hs } (строка файла { $row }): пошлина { $duty }, акциз { $excise }.
trade-step-source = Источник: { $source } ({ $confidence }), действует с { $from }.
trade-step-ad-valorem = { $base } × { $rate } = { $result }.
trade-step-specific = { $quantity } { $unit } × { $rate } = { $result }.
trade-step-sum = Сумма частей: { $result }.
trade-step-max = Применяется большая сумма: { $result }.
trade-step-min = Применяется меньшая сумма: { $result }.
trade-step-rounded = { $amount } округлено до { $result }.
trade-step-vat = НДС: ({ $value } + пошлина { $duty } + акциз { $excise }) = { $base } × { $rate } = { $result }.
trade-step-low-value = Стоимость товаров { $value }, не более { $threshold }: применяется режим малоценных отправлений, действующий с { $from }.
trade-step-low-value-above = Стоимость товаров { $value }, более { $threshold }: применяется тарифная пошлина.
trade-step-low-value-excise = В одной из строк есть акциз: режим малоценных отправлений не применяется.
trade-step-duty-relief = Таможенной пошлины нет: отправление незначительной стоимости.
trade-step-flat-total = Фиксированная пошлина { $amount } за товарную субпозицию × { $count } = { $result }.
trade-step-flat-share = Субпозиция { $subheading }: { $amount } распределено на строк: { $lines }; доля этой строки { $result }.
trade-step-fee-band-up-to = Общая таможенная стоимость { $value } не более { $bound }: { $multiple } × БРВ.
trade-step-fee-band-below = Общая таможенная стоимость { $value } менее { $bound }: { $multiple } × БРВ.
trade-step-fee-band-top = Общая таможенная стоимость { $value } в верхней ступени: { $multiple } × БРВ.
trade-step-fee = { $multiple } × БРВ { $brv } (с { $from }) = { $result }.
