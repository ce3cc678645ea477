## Karvon message catalogue — English (the reference locale).
## Every id here must exist in uz.ftl and ru.ftl too (checked by a test).

## Terms used inside other messages

kind-goods = goods
kind-phone = phone
kind-spirits = spirits
kind-wine = wine
kind-sparkling-wine = sparkling wine
kind-beer = beer
kind-other-alcohol = other alcoholic drink
kind-cigarettes = cigarettes
kind-cigarillos = cigarillos
kind-cigars = cigars
kind-tobacco = tobacco
kind-heated-tobacco = heated tobacco
kind-perfume = perfume
kind-medicine = medicine
kind-food = food
kind-plants = plants
kind-animal-products = animal products
kind-cash = cash
mode-air = air
mode-sea = sea
mode-rail = rail
mode-river = river
mode-road = road
mode-private-air = private aircraft
mode-private-sea = private boat
unit-litres = L
unit-pieces = pcs
unit-grams = g
unit-ml = ml
unit-kg = kg
category-goods = general goods
category-alcohol = alcohol
category-wine = wine
category-beer = beer
category-tobacco = tobacco
category-perfume = perfume
category-phones = phones
category-weight = weight of goods
confidence-confirmed = confirmed
confidence-secondary = secondary sources only
confidence-unconfirmed = unconfirmed
confidence-conflict = sources disagree
tax-duty = customs duty
tax-excise = excise
tax-vat = VAT
tax-gst = GST
tax-consumption = consumption tax
compare-at-least = at or above
compare-more-than = above
type-array = a list
type-boolean = true or false
type-number = a number
type-object = an object
type-string = a text
channel-green = GREEN — nothing to declare
channel-red = RED — declare
status-exempt = exempt
status-dutiable = dutiable
status-not-allowed = not allowed
status-declare-only = declare
status-not-counted = not counted
severity-must = must
severity-info = info

## Reasons named by rules packs

reason-personal-medicine = medicines for personal use do not count
reason-uz-phone-registration = mobile phones must be declared whatever their value (IMEI registration)
reason-eaeu-alcohol-over-5l = more than 5 L of alcohol cannot be brought in as personal goods

## Notices named by rules packs

pack-notice-eu-flat-rate-choice = The 2.5 % flat rate applies while your dutiable goods total €700 or less; you may ask customs to apply the tariff rates instead.
pack-notice-fi-wrong-lane = In Finland, using the green lane with goods to declare can mean the goods are seized, double tax or a customs offence.
pack-notice-gb-online-caps = Online declaration has caps (e.g. 110 L beer, 90 L wine, 10 L spirits, 800 cigarettes, 50 other goods, £97,000 of tax); above them use the red channel.
pack-notice-jp-officer-selects = Japanese customs selects the duty-free items in the traveller's favour; the allocation shown is the most favourable one.
pack-notice-jp-small-kinds-free = Any kind of goods whose total overseas value is ¥10,000 or less is free and not counted.
pack-notice-jp-under-6 = Children under 6 have allowances only for items clearly meant for the child.
pack-notice-sg-liquor-not-from-malaysia = The liquor concession does not apply when arriving from Malaysia.
pack-notice-sg-no-tobacco-concession = There is no duty-free concession for cigarettes or tobacco in Singapore.
pack-notice-sg-receipt-date-place = A Customs@SG receipt is valid only on the date and at the place of arrival you declare.
pack-notice-tr-conflict = Sources disagree on Türkiye's allowance (€430 / €150 now, €300 / €145 in older texts) and the flat rate is unconfirmed.
pack-notice-ae-conflict = Sources disagree on the UAE cigarette allowance (200 or 400) and the cash threshold (AED 60,000 or 100,000).
pack-notice-uz-start-date-conflict = Sources disagree on when Uzbekistan's minimum-stay rule started (1 May or 20 July 2025).
pack-notice-us-flat-rate-30-days = The 3 % flat rate and the $800 exemption can be used once every 30 days.

## Explanation steps

step-converted = Converted { $amount } at { $rate } = { $result }.
step-used = Personal belongings taken out and brought back do not count.
step-exempt = Within the allowance.
step-prohibited = Not allowed: { $reason }.
step-not-counted = Not counted: { $reason }.
step-must-declare = Must be declared: { $reason }.
step-under-age = Traveller aged { $age } is under { $min } for { $category }.
step-allowances-removed = No allowance: the stay abroad is too short.
step-allowance-not-applicable = The { $category } allowance does not apply:
step-cond-mode = not for travel by { $mode }
step-cond-min-age = age { $age } is under { $min }
step-cond-max-age = age { $age } is over { $max }
step-cond-min-days = { $days } days abroad is under { $min }
step-cond-max-days = { $days } days abroad is over { $max }
step-cond-residents-only = for residents only
step-cond-non-residents-only = for non-residents only
step-cond-status = not for travellers with status “{ $status }”
step-over-cap = { $total } { $unit } is over the cap of { $cap } { $unit }.
step-within-quantity = Within the { $category } allowance ({ $used } of { $limit }).
step-over-quantity-all = Over the { $category } allowance ({ $used } of { $limit }): all of it is dutiable.
step-over-quantity-part = { $covered } of { $quantity } covered by the { $category } allowance; the rest is dutiable.
step-option-chosen = Option { $option } of the { $category } concession applied (the cheapest for you).
step-no-allowance-for-kind = No allowance covers { $kind }: dutiable in full.
step-in-value-allowance = Within the value allowance ({ $used } of { $limit }).
step-whole-category-exceeded = Goods total { $used }, over the { $limit } allowance: all goods are taxed.
step-excess-part = { $exempt } under the { $limit } allowance; { $dutiable } above it is dutiable.
step-indivisible-exempt = Placed under the { $limit } allowance (whole items only).
step-indivisible-taxed = Taxed: whole items only fit under the { $limit } allowance, and the others save you more.
step-indivisible-too-large = Worth { $value }, more than the { $limit } allowance: taxed in full.
step-single-payment = Single payment in place of duty, VAT and excise: { $result }.
step-percent = { $base } × { $rate } = { $result }.
step-per-unit = { $quantity } { $unit } × { $rate } = { $result }.
step-max = The higher amount applies: { $result }.
step-flat-rate = Flat rate: { $base } × { $rate } = { $result } (dutiable goods up to { $ceiling }).
step-flat-exceeded = Dutiable goods exceed { $ceiling }: tariff rates apply instead of the flat rate.
step-band = Flat band: { $base } × { $rate } = { $result } (band of { $width }).
step-tariff-own = Tariff duty: { $base } × { $rate } = { $result }.
step-tariff-estimated = Tariff duty estimated: { $base } × { $rate } = { $result }.
step-vat = { $tax }: { $base } × { $rate } = { $result }.
step-rate-unknown = The { $tax } rate is not in the rules pack: not computed.
step-value-missing = No value given: { $tax } not computed.
step-quantity-missing = No quantity in { $unit } given: that part is not computed.
step-no-charge-rule = The rules pack has no rate for this item: not computed.
step-cash-declare = Cash total { $total } is { $compare } { $threshold }: declare it.
step-cash-below = Cash total { $total } is below the { $threshold } threshold.
step-cash-no-rule = The rules pack has no cash threshold.

## Notices

notice-cash = Declare your cash: { $total } is { $compare } the { $threshold } threshold.
notice-must-declare = Item { $item } ({ $description }) must be declared: { $reason }.
notice-not-allowed-for-age = Item { $item } ({ $description }) is not allowed at age { $age } (minimum { $min }).
notice-prohibited = Item { $item } is not allowed: { $reason }.
notice-over-cap = { $total } { $unit } of { $category } is over the { $cap } { $unit } a traveller may bring: not allowed.
notice-allowance-exceeded = { $traveller }: the { $category } allowance is exceeded.
notice-value-exceeded = { $travellers }: goods worth { $used } exceed the { $limit } allowance.
notice-weight-exceeded = Goods weigh { $weight } kg, over the { $limit } kg allowance.
notice-officer-decides = Your items do not all fit under the { $limit } allowance: the allocation shown costs you least, but the customs officer decides.
notice-min-stay = No allowance: { $days } days abroad is under the { $min } days required when arriving by { $mode }; everything is charged.
notice-no-allowance = { $traveller } has no value allowance here.
notice-pooling-refused = Allowances cannot be pooled here: each traveller has their own.
notice-pooling-applied = Allowances are pooled for your household on a joint declaration.
notice-amount-incomplete = Some rates are not in the rules pack: the real amount due is higher than shown.
notice-rate-estimated = Item { $item }: tariff duty estimated at { $rate }; the real rate depends on its HS code.
notice-quantity-missing = Item { $item }: a quantity needed for a minimum charge is missing; the charge may be higher.
notice-rule-unconfirmed = A figure used ({ $figure }) is { $confidence }: { $url }

## Bad input

input-syntax = not valid JSON at line { $line }, column { $column }: { $detail }
input-too-large = the file is larger than { $limit } bytes
input-missing = required
input-type = must be { $expected }
input-negative = must not be negative
input-not-positive = must be greater than zero
input-not-whole = must be a whole number
input-too-big = must be at most { $max }
input-not-decimal = must be a decimal number
input-too-precise = has more decimal places than can be represented exactly
input-date = “{ $value }” is not a date (YYYY-MM-DD)
input-unknown-mode = “{ $value }” is not a travel mode (air, sea, rail, river, road, private_air, private_sea)
input-unknown-kind = “{ $value }” is not an item kind
input-unknown-spirit = “{ $value }” is not a spirit type (whisky, brandy, rum, gin, vodka, liqueur, other)
input-unknown-currency = “{ $code }” is not an ISO 4217 currency code
input-unknown-field = unknown field (allowed: { $allowed })
input-unknown-traveller = no traveller with id “{ $id }”
input-unknown-jurisdiction = no rules pack for “{ $value }” (available: { $known })
input-duplicate-id = the id “{ $id }” is used twice
input-empty-list = must not be empty
input-empty-text = must not be empty
input-text-too-long = is { $length } characters long; the limit is { $max }
input-too-many = has { $count } entries; the limit is { $max }
input-hs-code = must be 2 to 10 digits
input-missing-for-kind = required for { $kind }
input-missing-for-allowance = required to check the { $category } allowance
input-missing-rate = no exchange rate for { $currency }: add it to “rates” (units of { $pack } per one { $currency })

## Rules pack errors

pack-error-syntax = not valid JSON: { $detail }
pack-error-format = { $detail }
pack-error-too-large = the pack is larger than { $limit } bytes
pack-error-unknown-parent = extends “{ $parent }”, which is not loaded
pack-error-unknown-source = cites source “{ $detail }”, which is not in “sources”
pack-error-format-version = unsupported format version (expected 1)
pack-error-id = must be 2 or 3 upper-case letters
pack-error-url = must be an http(s) URL
pack-error-empty = must not be empty
pack-error-range = is out of range
pack-error-whole = must be a whole number
pack-error-vat-name = must be tax-vat, tax-gst or tax-consumption
pack-error-term = must name a catalogue message (reason-… or pack-notice-…)
pack-error-missing = is required
pack-error-attach = a quantity allowance attaches by excess or whole_category
pack-error-unit = the unit does not match the kinds it counts
pack-error-option = names an unknown member or a negative limit
pack-error-cap = a cap needs exactly one member
pack-error-single = a single payment replaces duty, excise and VAT: leave those out
pack-error-no-vat = VAT is charged but the pack has no “vat”

## Command line

cli-error = error
cli-error-at = { $path }: { $problem }
cli-pack-error = rules pack { $file }, field { $field }: { $problem }
cli-io-error = cannot read { $path }: { $detail }
cli-header = { $jurisdiction } · arrival { $arrival } · pack valid from { $valid }
cli-col-item = #
cli-col-description = Item
cli-col-status = Status
cli-col-value = Value
cli-col-duty = Duty
cli-col-vat = VAT
cli-col-excise = Excise
cli-col-rule = Rule
cli-totals = Totals
cli-total-due = Total due: { $amount }
cli-incomplete = (incomplete: some rates unknown)
cli-channel = Channel: { $channel }
cli-notices = Notices
cli-explanations = How each figure was reached
cli-source = source: { $url }
cli-packs-header = Rules packs

## HS nomenclature

input-hs-header = the first line must be “{ $expected }”, not “{ $found }”
input-hs-fields = has { $count } fields; expected { $expected } (a quoted field may be cut off)
input-hs-section = “{ $value }” is not a section (expected a Roman numeral such as XVI)
input-hs-code-digits = the code “{ $code }” must contain only digits
input-hs-level = “{ $value }” is not an HS level (2, 4 or 6)
input-hs-level-mismatch = the code “{ $code }” has { $length } digits, but its level is { $level }
input-hs-parent = the parent must be “{ $expected }”, not “{ $parent }”
input-hs-parent-missing = the parent “{ $parent }” of “{ $code }” is not in the file
input-hs-duplicate = the code “{ $code }” is already on line { $first }
input-hs-empty = the file contains no HS codes
input-hs-utf8 = not valid UTF-8 text
input-hs-syntax = not valid CSV: { $detail }
input-hs-lookup-code = must be an HS code of 2, 4 or 6 digits, or a national code of 8 to 10 digits

## Exchange rates

rates-too-large = the file is larger than { $limit } bytes
rates-empty = the file is empty
rates-not-utf8 = the file is not UTF-8 text
rates-unknown-format = not a known rates file (expected Central Bank of Uzbekistan JSON, or ECB XML or CSV)
rates-syntax = the file is malformed or cut short: { $detail }
rates-no-rates = the file contains no exchange rates
rates-csv-date-column = the header must start with “Date”, found “{ $found }”
rates-not-code = “{ $value }” is not a three-letter currency code
rates-duplicate-column = the column { $code } appears twice
rates-csv-short = the line ends early: this value is missing
rates-csv-extra = unexpected value “{ $value }” after the last column
rates-not-rate = “{ $value }” is not a rate (a positive decimal number, or N/A for none)
rates-not-decimal = “{ $value }” is not a positive decimal number
rates-not-positive = “{ $value }” is not positive: a rate must be greater than zero
rates-out-of-range = the rate “{ $value }” is out of the range that can be computed exactly
rates-date = “{ $value }” is not a date
rates-duplicate-date = the date { $date } appears twice
rates-duplicate-currency = { $code } is given twice for { $date }
rates-missing = required, but missing
rates-type = must be text or a number
rates-cbu-entry = each entry must be an object
input-same-currency = must differ from the base currency ({ $code })

## Store, trips, purchases, status and alerts

entity-trip = trip
entity-traveller = traveller
entity-purchase = purchase
entity-party = party
entity-receipt = receipt
entity-alert = alert
entity-hs_code = HS code
entity-rate = exchange rate
source-cbu = Central Bank of Uzbekistan
source-ecb = European Central Bank
source-user-entered = entered by you
input-ambiguous-id = “{ $id }” matches more than one record; give more characters
input-control-chars = must not contain control characters
input-country = “{ $value }” is not a two-letter country code (ISO 3166, e.g. UZ, FI)
input-file-empty = the file is empty
input-file-too-large = the file is { $size } bytes; the limit is { $max } bytes
input-not-a-file = is not a regular file
input-traveller-has-purchases = this traveller has { $purchases } purchases on the trip; move or delete them first
input-traveller-on-trip = this traveller is on { $trips } trips; remove them from those trips first
error-clock = the device clock cannot advance the sync clock
error-db = database error: { $detail }
error-db-busy = the database is busy in another program; try again
error-db-cannot-open = cannot open the database: { $detail }
error-db-corrupt = the database file is damaged: { $detail }
error-db-full = the disk is full; nothing was saved
error-db-read-only = the data folder is read-only; nothing was saved
error-db-value = a stored value is damaged ({ $field })
error-disk-full = the disk is full while writing { $path }; nothing was saved
error-read-only = cannot write { $path } (read-only or no permission); nothing was saved
error-feed = { $file }, { $at }: { $problem }
error-key-invalid = the key file is not a valid Karvon key
error-key-mismatch = personal details cannot be opened with this key (wrong key, or damaged data)
error-key-random = the system gave no random numbers
error-key-seal = personal details could not be encrypted
error-no-data = no data folder: give --data DIR or set KARVON_DATA
error-not-found = no { $entity } “{ $id }”
error-receipt-damaged = the receipt file { $path } does not match its checksum (damaged or changed)
error-schema-newer = the database was made by a newer Karvon (schema { $found }; this version knows { $known }); update Karvon
status-no-rate = no exchange rate from { $from } to { $to } on or before { $date }; import rates or add one
what-if-to-red = Buying this moves you to the red channel and costs { $extra }.
what-if-costs = Buying this adds { $extra } to what you pay.
what-if-free = Buying this costs nothing extra at customs.
what-if-no-rate = There is no exchange rate for this purchase's currency and date; import rates or add one first.
alert-allowance-80 = { $who }: { $percent } of the { $category } allowance used.
alert-allowance-100 = { $who }: the { $category } allowance is used up ({ $percent }).
alert-first-dutiable = “{ $description }” is the first item to pay on: { $total } due so far.
alert-plan-exceeded = Spending plan exceeded: { $spent } spent of { $plan }.
alert-cash-threshold = The cash you carry reaches the declaration threshold: declare it.
alert-must-declare = “{ $description }” must be declared at customs.
cli-created = Saved { $entity } { $id }
cli-saved = Changed { $entity } { $id }
cli-deleted = Deleted { $entity } { $id } (karvon undo brings it back)
cli-restored = Restored { $entity } { $id }
cli-nothing-to-undo = Nothing to undo.
cli-travellers-header = Travellers
cli-traveller-line = { $id }  { $name } · born { $born } · lives in { $residency }
cli-trips-header = Trips
cli-trip-line = { $id }  { $name } · { $jurisdiction } · arrival { $arrival } · { $mode } · { $days } days abroad
cli-purchase-line = { $id }  { $date }  { $description } · { $kind } · { $value }
cli-no-purchases = No purchases yet.
cli-status-header = { $name }: { $jurisdiction }, arrival { $arrival }, by { $mode }, { $days } days abroad
cli-allowances = Allowances
cli-allowance-line = { $who } · { $category }: { $used } of { $limit } ({ $percent }), { $remaining } left
cli-projected = Arriving with these purchases: { $total } to pay · { $channel }
cli-plan = Spending plan: { $spent } of { $plan } spent, { $remaining } left
cli-plan-over = Spending plan: { $spent } of { $plan } spent, { $over } over
cli-rates-used = Exchange rates used
cli-rate-line = 1 { $from } = { $rate } { $to } · { $source }, { $date } ({ $age } days old) · { $origin }
cli-left-out = Left out of the assessment
cli-alerts = Alerts
cli-no-alerts = No alerts.
cli-what-if-totals = Total to pay: { $before } now, { $after } with it · { $channel }
cli-rates-imported = Imported { $tables } rate tables ({ $rates } rates) from the { $source }, { $first } to { $last }
cli-rates-skipped = Skipped (not current ISO 4217 currencies): { $codes }
cli-rate-saved = Rate saved.
cli-no-rates = No exchange rates stored yet.
cli-rate-table-line = { $source } · base { $base } · { $date } · { $count } rates · { $origin }
cli-hs-imported = HS nomenclature imported: { $chapters } chapters, { $headings } headings, { $subheadings } subheadings
cli-hs-none = No matching HS code.

## Postal declarations (CN 22 / CN 23)

postal-category-gift = gift
postal-category-documents = documents
postal-category-commercial-sample = commercial sample
postal-category-returned-goods = returned goods
postal-category-sale-of-goods = sale of goods
postal-category-other = other
input-postal-form = must be “{ $expected }”, not “{ $found }”
input-postal-unknown-category = “{ $value }” is not a category (gift, documents, commercial_sample, returned_goods, sale_of_goods, other)
input-postal-unknown-action = “{ $value }” is not an instruction (return, abandon)
input-postal-unknown-route = “{ $value }” is not a route (priority, non_priority)
input-postal-item-id = must be a UPU S10 item number: 2 letters, 9 digits, 2 letters (e.g. RR123456785UZ)
input-postal-phone = must be a telephone number (digits, spaces and + - ( ) . /)
input-postal-email = must be an e-mail address such as name@example.uz
input-postal-category-twice = “{ $category }” is ticked twice
input-postal-gift-commercial = “gift” cannot be ticked for commercial items (here: { $category })
input-postal-explanation-required = required when the category is “other”: say what the item is
input-postal-vague-description = “{ $value }” is too general: say what each article is, what it is made of and what it is for (e.g. “2 men's cotton shirts”)
input-postal-currency-mismatch = must be { $expected }, the currency of the total value (not { $found })
input-postal-hs-code = must be an HS tariff number of 6 to 10 digits
input-postal-hs-required = required for commercial items: the HS tariff number (at least 6 digits)
input-postal-origin-required = required for commercial items: the country where the goods were produced, manufactured or assembled
input-postal-total-weight = the total weight, { $total } kg, is less than the lines' net weights, { $sum } kg
input-postal-total-value = the total value, { $total }, is not the sum of the lines, { $sum }
input-postal-cn23-required = { $value } is { $sdr } SDR, over the { $limit } SDR limit of a CN 22 (1 SDR = { $rate }, { $source }, { $date }): use a CN 23
notice-postal-sdr-undecided = No SDR rate for { $currency } dated on or before { $date }: cannot tell whether the value is within the { $limit } SDR limit of a CN 22. Add a dated SDR rate.
notice-postal-sdr-at-limit = The value is exactly { $limit } SDR. A CN 22 is allowed up to { $limit } SDR (India Post), but some operators ask for a CN 23 at { $limit } SDR or more (Eswatini Post): check with your post.
notice-postal-cn22-weight = The item weighs { $weight } kg. Some operators accept a CN 22 only for small packets up to { $limit } kg (unconfirmed): check with your post.
notice-postal-invoice-missing = Commercial items need an invoice attached (Hong Kong Post): give its number in box 14.

## Payment drafts: fields, statuses, plain-text lines and input errors (karvon-domain payment)
payment-field-beneficiary-name = beneficiary name
payment-field-payee-name = payee name
payment-field-payer-name = payer name
payment-field-initiating-party = initiating party
payment-field-remittance = payment purpose text
payment-field-information = note to the payer
payment-field-message-id = message ID
payment-field-payment-info-id = payment information ID
payment-field-end-to-end-id = end-to-end ID
payment-field-account-number = account number
payment-field-bank-code = bank code
payment-status-draft = draft
payment-status-submitted = submitted
payment-status-paid = paid
payment-text-amount = Amount: { $amount }
payment-text-payee = Payee: { $name }
payment-text-payee-at-filing = Payee: account details are given by customs at filing
payment-text-iban = IBAN: { $iban }
payment-text-bic = BIC: { $bic }
payment-text-account = Account: { $account }
payment-text-bank-code = Bank code: { $code }
payment-text-reference = Creditor reference: { $reference }
payment-text-due = Pay by: { $date }
payment-text-purpose = Purpose: { $text }
payment-text-purpose-code = Purpose code: { $code }
payment-text-status = Status: { $status }
input-rf-empty = the creditor reference is empty
input-rf-prefix = a creditor reference starts with RF
input-rf-check-digits = RF must be followed by two check digits
input-rf-character = “{ $character }” at position { $position } is not allowed; use letters A–Z and digits
input-rf-length = the reference after RF and the check digits has { $length } characters; it must have 1 to { $max }
input-rf-checksum = the check digits do not match the reference; check for a typing error
input-iban-empty = the IBAN is empty
input-iban-country = an IBAN starts with a two-letter country code, not “{ $value }”
input-iban-unknown-country = IBANs from { $country } are not supported
input-iban-check-digits = the third and fourth characters of an IBAN must be digits
input-iban-character = “{ $character }” at position { $position } is not allowed; use letters A–Z and digits
input-iban-length = an IBAN from { $country } has { $expected } characters, not { $length }
input-iban-checksum = the IBAN check digits do not match; check for a typing error
input-bic-length = a BIC has 8 or 11 characters, not { $length }
input-bic-character = “{ $character }” at position { $position } is not allowed in a BIC
input-bic-country = characters 5 and 6 of a BIC must be a country code (two letters)
input-purpose-code = “{ $value }” is not a purpose code (four letters, e.g. GOVT)
input-payment-required = { $field }: required
input-payment-too-long = { $field }: { $length } characters; the limit is { $max }
input-payment-control-chars = { $field }: line breaks and control characters are not allowed
input-payment-amount-too-small = the amount must be at least { $min }
input-payment-amount-too-large = the amount must be at most { $max }
input-payment-amount-too-precise = an amount in { $currency } has at most { $places } decimal places
input-payment-not-euro = an EPC QR code is for payments in euro only, not in { $currency }
input-payment-both-remittances = give either a creditor reference (RF) or a purpose text, not both
input-payment-bic-required = EPC QR version 001 needs the BIC of the payee’s bank
input-payment-qr-too-large = the QR code text is { $bytes } bytes; the limit is { $max }
input-payment-payee-at-filing = the payee’s account details are given by customs at filing; this export needs them
input-payment-payee-not-iban = an EPC QR code needs the payee’s IBAN
input-payment-no-transfers = a payment file needs at least one transfer
input-payment-timestamp = the creation time is out of range
input-payment-status-backward = the payment status cannot go back from “{ $from }” to “{ $to }”
