## Desktop app (karvon-ui and karvon-desktop) — English.

ui-nav = Sections
ui-nav-trips = Trips
ui-nav-docs = Declarations
ui-nav-trader = Trader
ui-nav-reference = Rates & HS
ui-nav-settings = Settings
ui-trips = Your trips
ui-new-trip = New trip
ui-edit-trip = Edit trip
ui-no-trips = No trips yet. Create one to start tracking your allowances.
ui-trip-deleted = Trip deleted.
ui-undo = Undo
ui-close = Close
ui-edit = Edit
ui-delete = Delete
ui-save = Save
ui-saved = Saved.
ui-cancel = Cancel
ui-ok = OK
ui-trip-name = Trip name
ui-destination = Destination (rules)
ui-arrival = Arrival date
ui-mode = Arriving by
ui-days-abroad = Days abroad
ui-plan-amount = Spending plan
ui-plan-currency = Plan currency
ui-travellers = Travellers
ui-traveller = Traveller
ui-add-traveller = Add traveller
ui-remove-traveller = Remove traveller
ui-name = Name
ui-age = Age
ui-residency = Lives in
ui-declare = Make declaration
ui-allowances = Allowances
ui-no-allowances = No allowance used yet.
ui-plan = Spending plan
ui-plan-detail = { $spent } of { $plan }
ui-bar-detail = { $used } of { $limit } ({ $percent })
ui-spending = Spending over the trip
ui-no-purchases = No purchases yet.
ui-add-purchase = Add a purchase
ui-amount = Amount
ui-currency = Currency
ui-kind = Kind
ui-description = What is it?
ui-quantity = Quantity (L, pcs, g, ml)
ui-abv = Alcohol %
ui-date = Date bought
ui-hs-code = HS code
ui-preview = What if?
ui-add = Add
ui-purchase-added = Purchase added.
ui-purchase-deleted = Purchase deleted.
ui-preview-totals = Total due { $before } → { $after }
ui-assessment = Assessment
ui-item = Item
ui-status = Status
ui-price = Price
ui-customs-value = Customs value
ui-duty = Duty
ui-vat = VAT
ui-excise = Excise
ui-rule = Rule
ui-source = source
ui-actions = Actions
ui-how = How it was worked out
ui-notices = Notices
ui-rates-used = Exchange rates used
ui-left-out = Left out of the assessment
ui-declarations = Declarations
ui-no-declarations = No declarations yet.
ui-review = Review
ui-sign = Sign
ui-show-qr = Show QR for the officer
ui-qr-title = Declaration QR code
ui-qr-hint = Show this code to the customs officer. Press Escape to close.
ui-file = File
ui-create-payment = Payment draft
ui-payments = Payment drafts
ui-export-pdf = Export PDF
ui-pdf-path = Save PDF as
ui-pdf-path-hint = (default: your Downloads folder)
ui-written = Saved to
ui-timeline = Status timeline
ui-registration = Registration number:
ui-trader = Trader declarations
ui-invoice-import = Import invoice lines (CSV)
ui-invoice-help = Paste or load the declaration header (JSON), the invoice lines and the destination's tariff. Every problem is listed at once.
ui-header-json = Header (JSON)
ui-invoice-csv = Invoice lines (CSV)
ui-tariff-csv = Tariff (CSV)
ui-load-file = Load a file…
ui-import = Import
ui-postal = Postal declarations (CN 22 / CN 23)
ui-form = Form
ui-postal-json = Form content (JSON)
ui-make-declaration = Make declaration
ui-reference = Rates and reference data
ui-rates = Exchange rates
ui-import-rates = Import a rates file (CBU JSON, ECB XML or CSV)…
ui-no-rates = No rate tables yet.
ui-hs = HS nomenclature
ui-import-hs = Import the HS table (CSV)…
ui-hs-search = Search HS codes
ui-settings = Settings
ui-language = Language
ui-home-country = Home country
ui-server = Sync server
ui-data-folder = Data folder:
ui-date-format = { $day }/{ $month }/{ $year }
ui-trip-summary = { $jurisdiction } · { $arrival } · by { $mode } · { $days ->
    [one] { $days } day
   *[other] { $days } days
  } · { $travellers ->
    [one] { $travellers } traveller
   *[other] { $travellers } travellers
  }
ui-total-due = Total due: { $total }
ui-traveller-label = { $name } ({ $age })
ui-rate-line = { $source }, { $date }, against { $base }: { $detail }
ui-rate-used = 1 { $from } = { $rate }, { $age } days old
ui-rate-table = { $rates } rates, { $age } days old, imported { $imported }
ui-rates-imported = Imported { $tables } tables with { $rates } rates ({ $first } – { $last }).
ui-hs-imported = Imported { $count } HS codes.
ui-restored = Restored { $entity } { $id }.
ui-sync-offline = Offline · { $pending } changes waiting
ui-sync-idle = Up to date
ui-sync-waiting = { $pending ->
    [one] 1 change waiting to sync
   *[other] { $pending } changes waiting to sync
  }
ui-sync-starting = Syncing…
ui-sync-pushing = Syncing · sent { $done } of { $total }
ui-sync-filing = Syncing · filed { $done } of { $total }
ui-sync-pulling = Syncing · received { $done }
ui-sync-failed = Sync failed, will retry: { $reason }
ui-sync-problems = { $count ->
    [one] 1 sync problem needs you
   *[other] { $count } sync problems need you
  }
ui-sync-never = Not synced yet
ui-sync-just-now = Synced just now
ui-sync-minutes = Synced { $n } min ago
ui-sync-hours = Synced { $n } h ago
ui-sync-days = Synced { $n } d ago
ui-sync-now = Sync now
ui-sync-no-server = No sync server: changes stay on this device until you set one in Settings.
ui-sync-server = Server: { $server }
ui-sync-title = Sync
ui-currency-default = Default currency
ui-error-language = “{ $value }” is not a language (en, uz, ru)
ui-error-postal-kind = “{ $value }” is not a postal form (cn22, cn23)
