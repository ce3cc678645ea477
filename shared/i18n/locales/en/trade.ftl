# trade messages (en): the simplified trader declaration, tariff files and invoice CSV import.

## Terms

trade-unit-kg = kg
trade-unit-l = l
trade-unit-pcs = pcs
trade-unit-pair = pair
trade-unit-m = m
trade-unit-m2 = m²
trade-unit-m3 = m³
trade-unit-cm3 = cm³
trade-basis-cif = CIF (price, freight and insurance)
trade-basis-fob = FOB (price only)
trade-rates-cbu = Central Bank of Uzbekistan rates
trade-rates-ecb = ECB reference rates
trade-rates-user = rates entered by the user
trade-delimiter-comma = comma
trade-delimiter-semicolon = semicolon
trade-delimiter-tab = tab
trade-delimiter-pipe = vertical bar (|)
trade-delimiter-space = spaces
trade-fee-clearance = customs clearance fee
tariff-expected-term = a number, max( or min(
tariff-expected-percent-or-currency = % or a currency code (EUR, USD …)
tariff-expected-slash = “/” between the currency and the unit
tariff-expected-unit = a unit (kg, l, pcs, pair, m, m2, m3, cm3)
tariff-expected-open-paren = “(”
tariff-expected-separator = “;” or “)”
tariff-expected-plus-or-end = “+” or the end of the expression

## Rate expressions

tariff-expr-empty = the rate expression is empty
tariff-expr-too-long = the rate expression has { $length } characters; the limit is { $max }
tariff-expr-syntax = at character { $position }: expected { $expected }, found “{ $found }”
tariff-expr-number = at character { $position }: “{ $value }” is not a plain decimal number (use a point, no exponent)
tariff-expr-currency = at character { $position }: “{ $value }” is not a currency code
tariff-expr-unit = at character { $position }: “{ $value }” is not a known unit (kg, l, pcs, pair, m, m2, m3, cm3)
tariff-expr-too-deep = at character { $position }: max( and min( are nested more than { $max } levels deep
tariff-expr-too-few-parts = a sum, max or min needs at least two parts
tariff-expr-negative = a rate or amount must not be negative
tariff-expr-missing-rate = the rate table has no { $currency } rate to convert a specific amount
tariff-expr-unit-mismatch = the rate is per { $needed }, but the line's quantity is in { $given }
tariff-expr-overflow = the amount is too large to compute

## Tariff files

tariff-hs-prefix = “{ $value }” is not an HS code or prefix of 2 to 10 digits ({ $digits } digits)
tariff-vat-range = “{ $value }” is not a VAT rate between 0 and 100
tariff-confidence = “{ $value }” is not a confidence (confirmed, secondary, unconfirmed or conflict)
tariff-dates-reversed = valid_to { $to } is before valid_from { $from }
tariff-overlap = another row for { $hs } (row { $other }) is valid on some of the same days

## CSV files

trade-csv-summary = { $total } problem(s) in the file; the first { $shown } are listed
trade-csv-no-header = the file is empty: the first line must name the columns
trade-csv-no-rows = the file has a header but no rows
trade-csv-missing-columns = missing column(s): { $columns } (read with { $delimiter } as the delimiter)
trade-csv-wrong-delimiter = missing column(s): { $columns } — the header seems to be separated by { $found }; use a comma, a semicolon or a tab
trade-csv-column-twice = the column “{ $column }” appears twice
trade-csv-too-many-rows = the file has more than { $max } lines (header included); split it into smaller files
trade-csv-too-large = the file is { $size } bytes; the limit is { $max } bytes
trade-csv-malformed = this row cannot be read as CSV (a stray quote or invalid text)
trade-csv-width = this row has { $cells } cells but the header has { $expected } (an unquoted comma inside a value, such as 12,5?)
trade-csv-empty = a value is required
trade-csv-not-decimal = “{ $value }” is not a plain decimal number such as 12.50
trade-csv-decimal-comma = “{ $value }” uses a decimal comma; write it with a point, e.g. 12.5
trade-csv-negative = “{ $value }” is negative
trade-csv-too-big = “{ $value }” is too large
trade-csv-unit = “{ $value }” is not a known unit (kg, l, pcs, pair, m, m2, m3, cm3)
trade-csv-currency = “{ $value }” is not a currency code (ISO 4217, e.g. USD, EUR, UZS)
trade-csv-date = “{ $value }” is not a date (YYYY-MM-DD)

## Declaration

trade-empty = is required
trade-text-too-long = is { $length } characters long; the limit is { $max }
trade-control-chars = must not contain line breaks or control characters
trade-country = “{ $value }” is not a two-letter country code (ISO 3166, e.g. UZ, CN)
trade-jurisdiction = “{ $value }” is not a jurisdiction code (two capital letters, e.g. UZ, EU, FI)
trade-hs-length = “{ $value }” has { $digits } digits; an HS code has 6 to 10
trade-hs-leading-zero = “{ $value }” has { $digits } digits; an HS code has 6 to 10 — a spreadsheet may have dropped a leading zero (080111 → 80111)
trade-hs-chars = “{ $value }” is not an HS code: only digits, dots and spaces
trade-vague-description = “{ $value }” is too general: say what the goods are and what they are made of
trade-not-positive = must be greater than zero
trade-negative = must not be negative
trade-too-big = must not be more than { $max }
trade-gross-below-net = the gross mass { $gross } kg is less than the net mass { $net } kg
trade-line-currency = the line is in { $line }, the invoice in { $invoice }
trade-invoice-after-declaration = the invoice date { $invoice } is after the declaration date { $declaration }
trade-no-lines = the declaration has no lines
trade-too-many-lines = { $count } lines; a declaration has at most { $max }

## Assessment errors

trade-error-rules = the trade rules cannot be used ({ $count } problem(s))
trade-error-invalid = the declaration has { $count } problem(s)
trade-error-assessment = the declaration cannot be assessed ({ $count } problem(s))
trade-export-not-assessed = exports are validated but not assessed: no export duties are modelled
trade-rules-jurisdiction = the declaration is for { $declaration }, the rules are for { $rules }
trade-tariff-jurisdiction = the tariff is for { $tariff }, the declaration for { $declaration }
trade-rules-not-in-force = the rules apply from { $from }; the declaration is dated { $date }
trade-rates-after-date = the exchange rates are dated { $rates }, after the declaration date { $date }
trade-no-rate = no { $currency } rate in the { $source } of { $date }
trade-no-tariff-line = no tariff row for HS code { $hs } in the { $jurisdiction } tariff on { $date }
trade-no-vat-rate = no VAT rate for HS code { $hs } on { $date }: neither the tariff row nor the rules give one
trade-freight-required = the { $incoterm } price leaves out the freight: enter the freight to the border (0 if none)
trade-freight-in-price = the { $incoterm } price already includes the freight; do not add it again
trade-insurance-in-price = the { $incoterm } price already includes the insurance; do not add it again
trade-fee-not-in-force = the clearance fee schedule applies from { $from }; there is no fee figure for { $date }
trade-brv-missing = no BRV (base calculation amount) is known for { $date }

## Rules files

trade-rules-too-large = the rules file is larger than { $max } bytes
trade-rules-json = the rules file is not valid: { $detail }
trade-rules-unknown = no trade rules for “{ $value }”
trade-rules-format = format { $format } is not supported (expected 1)
trade-rules-source = the source “{ $key }” is not listed in sources
trade-rules-brv-currency = the BRV must be in the rules' currency
trade-rules-brv-missing = a clearance fee in BRV needs at least one BRV value
trade-rules-band-bounds = each fee band but the last needs exactly one of up_to or below; the last needs neither
trade-rules-band-order = fee bands must be in ascending order
trade-rules-periods = periods must be in date order without overlapping

## Templates

trade-template-name = the template needs a name of 1 to { $max } characters
trade-template-missing = the template has no value for this and the shipment gives none
trade-template-no-line = there is no line { $line }: the template has { $count } lines

## Explanation steps

trade-step-valuation = Customs value basis: { $basis } ({ $source }, { $confidence }).
trade-step-rates = Exchange rates: { $source } of { $date }.
trade-step-convert = { $amount } × { $rate } = { $result } ({ $source } of { $date }).
trade-step-value = Invoice value { $value }.
trade-step-fob-excluded = FOB basis: freight and insurance are not part of the customs value.
trade-step-freight-total = Freight { $amount }, shared over the lines by value.
trade-step-insurance-total = Insurance { $amount }, shared over the lines by value.
trade-step-freight-share = Share of the freight of { $total }: { $result }.
trade-step-insurance-share = Share of the insurance of { $total }: { $result }.
trade-step-customs-value = Customs value ({ $basis }): { $value } + freight { $freight } + insurance { $insurance } = { $result }.
trade-step-tariff = Tariff row { $hs } (line { $row } of the file): duty { $duty }, excise { $excise }.
trade-step-source = Source: { $source } ({ $confidence }), in force from { $from }.
trade-step-ad-valorem = { $base } × { $rate } = { $result }.
trade-step-specific = { $quantity } { $unit } × { $rate } = { $result }.
trade-step-sum = Sum of the parts: { $result }.
trade-step-max = The higher amount applies: { $result }.
trade-step-min = The lower amount applies: { $result }.
trade-step-rounded = { $amount } rounded to { $result }.
trade-step-vat = VAT: ({ $value } + duty { $duty } + excise { $excise }) = { $base } × { $rate } = { $result }.
trade-step-low-value = The goods are worth { $value }, not more than { $threshold }: the low-value regime in force from { $from } applies.
trade-step-low-value-above = The goods are worth { $value }, more than { $threshold }: the tariff duty applies.
trade-step-low-value-excise = A line carries excise: the low-value regime does not apply.
trade-step-duty-relief = No customs duty: consignment of negligible value.
trade-step-flat-total = Flat duty { $amount } per tariff sub-heading × { $count } sub-heading(s) = { $result }.
trade-step-flat-share = Sub-heading { $subheading }: { $amount } shared over { $lines } line(s); this line's share { $result }.
trade-step-fee-band-up-to = Total customs value { $value } is not more than { $bound }: { $multiple } × BRV.
trade-step-fee-band-below = Total customs value { $value } is less than { $bound }: { $multiple } × BRV.
trade-step-fee-band-top = Total customs value { $value } is in the top band: { $multiple } × BRV.
trade-step-fee = { $multiple } × BRV { $brv } (from { $from }) = { $result }.
