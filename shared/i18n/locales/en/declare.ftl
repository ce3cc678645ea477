# declare messages (en)
## Passenger declaration: terms

declare-reason-over-allowance = over the allowance
declare-reason-dutiable = dutiable (no allowance covers it)
declare-reason-must-declare = must be declared whatever its value
declare-reason-not-allowed = not allowed for this traveller
declare-reason-restricted = restricted: needs a permit or is prohibited
declare-permit-sanitary = sanitary certificate
declare-permit-phytosanitary = phytosanitary certificate
declare-permit-veterinary = veterinary certificate
declare-permit-licence = import licence
declare-permit-prohibited = prohibited for travellers
declare-cash-per-traveller = counted per traveller
declare-cash-per-party = counted for the whole party
declare-cash-yes = cash to declare
declare-cash-no = no cash to declare

## Passenger declaration: lines

declare-text-title = Passenger declaration — { $jurisdiction }, arrival { $arrival } by { $mode }
declare-text-pack = Rules pack valid from { $date }
declare-text-declarant = Declarant: { $traveller }
declare-text-traveller = Traveller { $traveller }, age { $age }
declare-text-guardian-named = The goods of { $traveller } are declared by their guardian { $guardian }.
declare-text-guardian-first-adult = The goods of { $traveller } are declared by { $guardian }, the first adult of the party (no guardian named).
declare-text-goods = Goods to declare: { $count }
declare-text-no-goods = No goods to declare.
declare-text-unaccompanied = Unaccompanied articles: { $count }
declare-text-item = Item { $item }: { $description } ({ $kind }), carried by { $carrier }
declare-text-owner = belongs to { $owner }
declare-text-quantity = quantity: { $amount } { $unit }
declare-text-value = value: { $value }
declare-text-reason = reason: { $reason }
declare-text-permit = needs: { $permit } — { $authority }
declare-text-charges = duty { $duty }, { $vat_name } { $vat }, excise { $excise }; total { $total }
declare-text-cash = Cash to declare: threshold { $threshold } ({ $compare }, { $per })
declare-text-cash-holding = Cash carried by { $traveller }: { $total } in total
declare-text-cash-amount = — { $amount }
declare-text-totals = Totals: duty { $duty }, { $vat_name } { $vat }, excise { $excise }; total due { $total }
declare-text-incomplete = Some rates are unknown: the amount due is higher than shown.
declare-text-channel = Channel: { $channel }
declare-verdict-green = Nothing to declare: no goods over the allowances, none that must always be declared, no restricted goods, no unaccompanied articles and no cash at the threshold.
declare-verdict-red = To declare: items carried { $goods }, unaccompanied articles { $unaccompanied }; { $cash }.

## Passenger declaration: notices

declare-notice-no-adult = Nobody in the party is { $adult } or older: { $traveller } is named as the declarant.
declare-notice-guardian-first-adult = No guardian is named for { $traveller }: their goods are declared by { $guardian }, the first adult of the party.
declare-notice-restriction-unconfirmed = The permit rule for item { $item } ({ $description }) is not confirmed by an official source ({ $confidence }); check with the authority.

## Passenger declaration: errors

declare-error-pack-mismatch = the trip is for “{ $trip }” but the rules pack is “{ $pack }”
declare-error-assessment-mismatch = the assessment does not belong to this trip and pack ({ $field } differs)
declare-error-guardian-not-in-party = the guardian of “{ $traveller }” is not in the party
declare-error-guardian-minor = the guardian of “{ $traveller }”, “{ $guardian }”, is { $age }: a guardian must be { $adult } or older
input-guardian-self = a traveller cannot be their own guardian
input-unaccompanied-cash = cash cannot be unaccompanied: declare it when you carry it
pack-error-hs-prefix = must be 2 to 10 digits
