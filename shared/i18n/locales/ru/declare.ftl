# declare messages (ru)
## Пассажирская декларация: термины

declare-reason-over-allowance = сверх нормы беспошлинного ввоза
declare-reason-dutiable = облагается платежами (никакая норма его не покрывает)
declare-reason-must-declare = декларируется независимо от стоимости
declare-reason-not-allowed = не разрешено для этого путешественника
declare-reason-restricted = ограничено: нужно разрешение или ввоз запрещён
declare-permit-sanitary = санитарный сертификат
declare-permit-phytosanitary = фитосанитарный сертификат
declare-permit-veterinary = ветеринарный сертификат
declare-permit-licence = лицензия на ввоз
declare-permit-prohibited = запрещено для путешественников
declare-cash-per-traveller = считается на каждого путешественника
declare-cash-per-party = считается на всю группу
declare-cash-yes = наличные декларируются
declare-cash-no = наличных к декларированию нет

## Пассажирская декларация: строки

declare-text-title = Пассажирская декларация — { $jurisdiction }, прибытие { $arrival }, транспорт: { $mode }
declare-text-pack = Пакет правил действует с { $date }
declare-text-declarant = Декларант: { $traveller }
declare-text-traveller = Путешественник { $traveller }, возраст { $age }
declare-text-guardian-named = Товары путешественника { $traveller } декларирует опекун { $guardian }.
declare-text-guardian-first-adult = Товары путешественника { $traveller } декларирует { $guardian } — первый взрослый в группе (опекун не указан).
declare-text-goods = Товары к декларированию: { $count }
declare-text-no-goods = Товаров к декларированию нет.
declare-text-unaccompanied = Несопровождаемый багаж: { $count }
declare-text-item = Позиция { $item }: { $description } ({ $kind }), везёт { $carrier }
declare-text-owner = принадлежит: { $owner }
declare-text-quantity = количество: { $amount } { $unit }
declare-text-value = стоимость: { $value }
declare-text-reason = причина: { $reason }
declare-text-permit = требуется: { $permit } — { $authority }
declare-text-charges = пошлина { $duty }, { $vat_name } { $vat }, акциз { $excise }; итого { $total }
declare-text-cash = Наличные к декларированию: порог { $threshold } ({ $compare }, { $per })
declare-text-cash-holding = Наличные, которые везёт { $traveller }: всего { $total }
declare-text-cash-amount = — { $amount }
declare-text-totals = Итого: пошлина { $duty }, { $vat_name } { $vat }, акциз { $excise }; всего к уплате { $total }
declare-text-incomplete = Некоторые ставки неизвестны: сумма к уплате больше показанной.
declare-text-channel = Коридор: { $channel }
declare-verdict-green = Декларировать нечего: нет товаров сверх норм, товаров, которые декларируются всегда, ограниченных товаров, несопровождаемого багажа и наличных на уровне порога.
declare-verdict-red = К декларированию: перевозимых позиций { $goods }, несопровождаемых { $unaccompanied }; { $cash }.

## Пассажирская декларация: уведомления

declare-notice-no-adult = В группе нет никого в возрасте { $adult } лет или старше: декларантом указан { $traveller }.
declare-notice-guardian-first-adult = Опекун для { $traveller } не указан: товары декларирует { $guardian }, первый взрослый в группе.
declare-notice-restriction-unconfirmed = Правило о разрешении для позиции { $item } ({ $description }) не подтверждено официальным источником ({ $confidence }); уточните в уполномоченном органе.

## Пассажирская декларация: ошибки

declare-error-pack-mismatch = поездка относится к «{ $trip }», а пакет правил — к «{ $pack }»
declare-error-assessment-mismatch = расчёт не относится к этой поездке и пакету правил (отличается { $field })
declare-error-guardian-not-in-party = опекуна путешественника «{ $traveller }» нет в группе
declare-error-guardian-minor = опекуну путешественника «{ $traveller }», «{ $guardian }», { $age } лет: опекуну должно быть не меньше { $adult } лет
input-guardian-self = путешественник не может быть собственным опекуном
input-unaccompanied-cash = наличные не могут быть несопровождаемыми: декларируйте их, когда везёте с собой
pack-error-hs-prefix = должен состоять из 2–10 цифр
