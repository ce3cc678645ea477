# dist messages (en): signed distribution of rules packs, rate tables and the HS data set

## What a bundle carries

dist-kind-pack = rules pack
dist-kind-rates = rate table
dist-kind-hs = HS nomenclature

## Why a bundle or a publisher key is refused

dist-malformed = The bundle is damaged or is not a Karvon bundle: { $detail }.
dist-too-large = The bundle has { $size } bytes; at most { $max } are accepted.
dist-unsupported-format = Bundle format { $format } is not supported by this version of Karvon. Update the app.
dist-unknown-key = The bundle is signed by publisher key { $key }, which is not trusted here. Trust it with: karvon sources trust KEY
dist-bad-signature = The bundle's signature does not verify with publisher key { $key }: it was changed after signing.
dist-digest-mismatch = The bundle's content does not match its signed fingerprint (expected { $expected }, found { $found }): it was changed after signing.
dist-wrong-kind = A { $expected } was expected, but the bundle holds a { $found }.
dist-wrong-name = Bundle { $expected } was expected, but the bundle is { $found }.
dist-bad-name = “{ $name }” is not a valid name for a { $kind } bundle.
dist-not-newer = { $kind } { $name } version { $offered } is not newer than the installed version { $installed }; it was refused, so an old version cannot replace a newer one.
dist-bad-key = A publisher key is 64 hexadecimal digits, as karvon-server publisher-key prints it.
dist-sign-failed = The bundle could not be signed: { $detail }.
dist-content-invalid = The { $kind } { $name } verified, but its content is not valid at { $at }
dist-content-unreadable = The content could not be checked: { $detail }.
dist-content-empty = The content holds nothing to install.
dist-not-utf8 = The text is not valid UTF-8.
dist-no-such-key = No trusted publisher key has the id { $key }.
dist-update-failed = { $count } bundles were refused; the versions in force were kept.
dist-failure-unreadable = The reason for this refusal could not be read.
dist-install-failed = The bundle could not be installed: { $detail }.
dist-publish-not-newer = { $kind } { $name } version { $version } is not newer than the published version { $latest }.
dist-publish-failed = The content could not be published: { $detail }.

## karvon sources

dist-cli-what-pack = Rules pack { $name }
dist-cli-what-rates = Rates { $name } (base { $base }, { $count } tables, { $first } to { $last })
dist-cli-what-hs = HS nomenclature ({ $count } codes)
dist-cli-origin-embedded = { $what }: built into the app
dist-cli-origin-file = { $what }: imported from the file { $path }
dist-cli-origin-manual = { $what }: entered by hand
dist-cli-origin-unknown = { $what }: imported (origin not recorded)
dist-cli-origin-publisher = { $what }: version { $version } from { $server }, signed by publisher key { $key }, published { $published }, installed { $installed }
dist-cli-source-none = { $kind } { $name }: nothing installed
dist-cli-refused = Refused { $kind } { $name } from { $server } on { $when }: { $reason }
dist-cli-refused-version = Refused { $kind } { $name } version { $version } from { $server } on { $when }: { $reason }
dist-cli-trusted = Publisher key { $key } is now trusted.
dist-cli-untrusted = Publisher key { $key } is no longer trusted; what it signed stays installed.
dist-cli-no-keys = No publisher key is trusted, so nothing is installed from a server. Trust one with: karvon sources trust KEY
dist-cli-key = { $key }  { $public }  trusted { $when }

dist-cli-failures = Refused updates ({ $count }); the versions in force were kept:

## karvon update

dist-cli-update-listed = The server publishes { $total } bundles; { $newer } to fetch.
dist-cli-update-fetching = [{ $done }/{ $total }] { $kind } { $name } version { $version } ({ $size } bytes)…
dist-cli-installed = Installed { $kind } { $name } version { $version } (publisher key { $key }).
dist-cli-installed-over = Installed { $kind } { $name } version { $version } over version { $previous } (publisher key { $key }).
dist-cli-update-done = Updated from { $server }: { $installed } installed, { $current } up to date, { $failed } refused.
