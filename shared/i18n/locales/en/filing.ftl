# Declaration lifecycle, documents kept on the device, signing keys (en)
filing-status-draft = draft
filing-status-signed = signed
filing-status-queued = queued for filing
filing-status-submitted = submitted
filing-status-registered = registered
filing-status-cleared = cleared
filing-status-rejected = rejected
filing-error-server-decides = Only customs can move a declaration from { $from } to { $to }.
filing-error-backwards = A declaration that is { $from } cannot go back to { $to }.
filing-error-skip = A { $from } declaration cannot become { $to } directly.
