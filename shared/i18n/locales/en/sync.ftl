# sync messages (en)

## Problems the sync server reports (the `code` of its problem documents)

server-unsigned = The request to the sync server was not signed by this device.
server-malformed-auth = The request's signature headers could not be read.
server-unknown-device = The sync server does not know this device. Register it or pair it again.
server-bad-signature = The request's signature does not match: it was changed on the way or signed with another key.
server-stale-timestamp = The device clock differs too much from the server's. Check the date and time.
server-replayed-nonce = This request was already received once and was refused as a replay.
server-body-too-large = The request is too large for the sync server. Send fewer changes at once.
server-rate-limited = Too many requests from this device. Sync will try again shortly.
server-rate-limited-for = Too many requests from this device. Try again in { $seconds } s.
server-bad-json = The sync server could not read the request.
server-bad-json-at = The sync server could not read the request at { $path }.
server-invalid-request = The request breaks a sync rule.
server-pairing-invalid = The pairing code is wrong, already used or expired. Make a new one on your other device.
server-device-exists = This device is already linked to an account.
server-idempotency-conflict = A batch was sent again with different contents; it was refused.
server-not-found = The sync server has no such address.
server-method-not-allowed = The sync server does not accept this kind of request here.
server-unavailable = The sync server's storage is unavailable. Sync will try again later.
server-internal = The sync server hit an internal error. Sync will try again later.
server-storage-failed = The { $backend } storage of the sync server failed.
server-io-failed = The sync server cannot use { $what }.

## Sync protocol rules

sync-bad-idempotency-key = The batch key is not a UUID.
sync-too-many-changes = A batch holds { $count } changes; at most { $max } may be sent at once.
sync-change-out-of-order = Change { $index } is older than the change before it.
sync-change-bad-name = Change { $index } has an empty or too long { $field }.
sync-change-bad-value = The value of change { $index } is not valid JSON.
sync-bad-public-key = The device key is not a 32-byte Ed25519 public key in hex.
sync-bad-device-name = The device name must have 1 to { $max } characters.
sync-bad-query = The query parameter { $name } is unknown or out of range.
sync-status-backwards = A document's status cannot go from { $from } back to { $to }.
sync-auth-missing = The request has no { $header } header.
sync-auth-malformed = The { $header } header cannot be read.
sync-auth-clock-skew = The device clock is { $seconds } s away from the server's. Check the date and time.
sync-auth-bad-signature = The request's signature does not match.
sync-bad-document-id = The filed document's id is not a UUID.
sync-empty-envelope = The filing carries no signed document.
server-filing-invalid = The server refused the declaration: its signature, content or signing device is not valid.
server-filing-mismatch = The server's own assessment differs from the declaration. Make the declaration again from the trip.

## The sync client

sync-not-configured = No sync server is set. Use `karvon sync --server URL` once.
sync-bad-url = { $url } is not an http:// or https:// address.
sync-network = The sync server cannot be reached: { $detail }
sync-bad-reply = The sync server's reply (status { $status }) was cut short or unreadable.
sync-http-status = The sync server answered with status { $status }.
sync-gave-up = Sync gave up after { $attempts } attempts: { $problem } Nothing is lost; sync again later.
sync-problem-unreadable = A stored sync problem could not be read.
sync-merge-failed = A change from another device could not be applied: { $problem }

## karvon sync

cli-sync-pushing = Sending { $sent } of { $total } changes
cli-sync-filing = Filing declarations: { $done } of { $total }
cli-sync-pulling = Received { $received } changes ({ $applied } applied)
cli-sync-done = Synced with { $server }: { $pushed } sent, { $filed } filed, { $pulled } received, { $applied } applied.
cli-sync-server = Server: { $server }
cli-sync-no-server = Server: not set
cli-sync-device = Device: { $device } (account { $account })
cli-sync-unregistered = Device: not registered yet
cli-sync-pending = Waiting to be sent: { $pending } changes ({ $in_flight } in flight), { $queued } declarations to file
cli-sync-last = Last sync: { $when }
cli-sync-never = Last sync: never
cli-sync-problems = Problems that need you: { $count }
cli-sync-problem = { $kind } { $subject }: { $problem }
cli-sync-pairing-code = Pairing code: { $code } (valid for 10 minutes). On the other device run: karvon sync --server { $server } --pair { $code }
cli-sync-paired = This device is now linked to account { $account }.

## Filing on the server

server-filing-foreign-key = The declaration was signed by a key that is not one of this account's devices.
server-filing-no-trip = A passenger declaration must be filed with the trip it was made from.
server-filing-no-pack = The server has no rules pack for { $jurisdiction }.
server-filing-mismatch-at = The server's assessment differs from the declaration at { $field }. Make the declaration again from the trip.
server-filing-not-found = No declaration { $id } was filed.
